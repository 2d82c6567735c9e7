import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Notes } from './notes';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Notes']);

describe('Notes', () => {
  it.each(cases)('$file', (c) => expectDecodes(Notes, (p) => readFileSync(p), c));
});
