import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { MailMarshalSMTP } from './mailmarshal';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['MailMarshalSMTP']);

describe('MailMarshalSMTP', () => {
  it.each(cases)('$file', (c) => expectDecodes(MailMarshalSMTP, (p) => readFileSync(p), c));
});
