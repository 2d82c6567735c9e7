import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { FML } from './fml';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['FML']);

describe('FML', () => {
  it.each(cases)('$file', (c) => expectDecodes(FML, (p) => readFileSync(p), c));
});
