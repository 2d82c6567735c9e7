import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { EinsUndEins } from './gmx';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['EinsUndEins']);

describe('EinsUndEins', () => {
  it.each(cases)('$file', (c) => expectDecodes(EinsUndEins, (p) => readFileSync(p), c));
});
