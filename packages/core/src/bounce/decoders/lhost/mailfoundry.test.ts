import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { MailFoundry } from './mailfoundry';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['MailFoundry']);

describe('MailFoundry', () => {
  it.each(cases)('$file', (c) => expectDecodes(MailFoundry, (p) => readFileSync(p), c));
});
