import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { X3 } from './x3';

const cases = corpusCases(['X3']);

describe('X3', () => {
  it.each(cases)('$file', (c) => expectDecodes(X3, (p) => readFileSync(p), c));
});
