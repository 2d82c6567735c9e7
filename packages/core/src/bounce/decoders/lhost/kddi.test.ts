import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { KDDI } from './kddi';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['KDDI']);

describe('KDDI', () => {
  it.each(cases)('$file', (c) => expectDecodes(KDDI, (p) => readFileSync(p), c));
});
