import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { OpenSMTPD } from './opensmtpd';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['OpenSMTPD']);

describe('OpenSMTPD', () => {
  it.each(cases)('$file', (c) => expectDecodes(OpenSMTPD, (p) => readFileSync(p), c));
});
