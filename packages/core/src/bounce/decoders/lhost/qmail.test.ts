import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Qmail } from './qmail';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['qmail']);

describe('Qmail', () => {
  it.each(cases)('$file', (c) => expectDecodes(Qmail, (p) => readFileSync(p), c));
});
