import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { MFILTER } from './mfilter';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['mFILTER']);

describe('MFILTER', () => {
  it.each(cases)('$file', (c) => expectDecodes(MFILTER, (p) => readFileSync(p), c));
});
