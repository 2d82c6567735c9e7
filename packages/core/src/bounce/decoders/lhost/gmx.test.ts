import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { GMX } from './gmx';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['GMX']);

describe('GMX', () => {
  it.each(cases)('$file', (c) => expectDecodes(GMX, (p) => readFileSync(p), c));
});
