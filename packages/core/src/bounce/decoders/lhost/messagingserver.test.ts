import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { MessagingServer } from './messagingserver';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['MessagingServer'], {
  withoutDeliveryStatus: true,
});

describe('MessagingServer', () => {
  it.each(cases)('$file', (c) => expectDecodes(MessagingServer, (p) => readFileSync(p), c));
});
