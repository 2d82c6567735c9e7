import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { Verizon } from './verizon';

const cases = corpusCases(['Verizon']);

describe('Verizon', () => {
  it.each(cases)('$file', (c) => expectDecodes(Verizon, (p) => readFileSync(p), c));
});
