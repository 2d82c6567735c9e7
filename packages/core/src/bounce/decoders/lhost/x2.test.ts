import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { X2 } from './x2';

const cases = corpusCases(['X2']);

describe('X2', () => {
  it.each(cases)('$file', (c) => expectDecodes(X2, (p) => readFileSync(p), c));
});
