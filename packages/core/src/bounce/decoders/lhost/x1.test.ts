import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { X1 } from './x1';

const cases = corpusCases(['X1']);

describe('X1', () => {
  it.each(cases)('$file', (c) => expectDecodes(X1, (p) => readFileSync(p), c));
});
