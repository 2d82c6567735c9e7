import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Domino } from './domino';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Domino']);

describe('Domino', () => {
  it.each(cases)('$file', (c) => expectDecodes(Domino, (p) => readFileSync(p), c));
});
