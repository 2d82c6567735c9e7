import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { InterScanMSS } from './interscanmss';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['InterScanMSS']);

describe('InterScanMSS', () => {
  it.each(cases)('$file', (c) => expectDecodes(InterScanMSS, (p) => readFileSync(p), c));
});
