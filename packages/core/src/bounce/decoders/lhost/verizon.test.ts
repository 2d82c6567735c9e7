import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Verizon } from './verizon';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['Verizon']);

describe('Verizon', () => {
  it.each(cases)('$file', (c) => expectDecodes(Verizon, (p) => readFileSync(p), c));
});
