import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { X6 } from './x6';

const cases = corpusCases(['X6']);

describe('X6', () => {
  it.each(cases)('$file', (c) => expectDecodes(X6, (p) => readFileSync(p), c));
});
