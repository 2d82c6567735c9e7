import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Biglobe } from './biglobe';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Biglobe']);

describe('Biglobe', () => {
  it.each(cases)('$file', (c) => expectDecodes(Biglobe, (p) => readFileSync(p), c));
});
