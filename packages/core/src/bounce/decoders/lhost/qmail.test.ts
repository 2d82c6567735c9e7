import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Qmail } from './qmail';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['qmail']);

describe('Qmail', () => {
  it.each(cases)('$file', (c) => expectDecodes(Qmail, (p) => readFileSync(p), c));
});
