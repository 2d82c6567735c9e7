import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Exchange2007 } from './exchange2007';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['Exchange2007'], { withoutDeliveryStatus: true });

describe('Exchange2007', () => {
  it.each(cases)('$file', (c) => expectDecodes(Exchange2007, (p) => readFileSync(p), c));
});
