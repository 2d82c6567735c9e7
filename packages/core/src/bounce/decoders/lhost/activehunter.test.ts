import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Activehunter } from './activehunter';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Activehunter']);

describe('Activehunter', () => {
  it.each(cases)('$file', (c) => expectDecodes(Activehunter, (p) => readFileSync(p), c));
});
