import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { EZweb } from './ezweb';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['EZweb']);

describe('EZweb', () => {
  it.each(cases)('$file', (c) => expectDecodes(EZweb, (p) => readFileSync(p), c));
});
