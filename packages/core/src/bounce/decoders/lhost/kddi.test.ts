import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { KDDI } from './kddi';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['KDDI']);

describe('KDDI', () => {
  it.each(cases)('$file', (c) => expectDecodes(KDDI, (p) => readFileSync(p), c));
});
