import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { IMailServer } from './imailserver';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['IMailServer']);

describe('IMailServer', () => {
  it.each(cases)('$file', (c) => expectDecodes(IMailServer, (p) => readFileSync(p), c));
});
