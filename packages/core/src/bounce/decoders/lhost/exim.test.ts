import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Exim } from './exim';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Exim']);

describe('Exim', () => {
  it.each(cases)('$file', (c) => expectDecodes(Exim, (p) => readFileSync(p), c));
});
