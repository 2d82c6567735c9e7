import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { Verizon } from './verizon';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['Verizon']);

describe('Verizon', () => {
  it.each(cases)('$file', (c) => expectDecodes(Verizon, (p) => readFileSync(p), c));
});
