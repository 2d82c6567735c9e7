import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Exchange2003 } from './exchange2003';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Exchange2003']);

describe('Exchange2003', () => {
  it.each(cases)('$file', (c) => expectDecodes(Exchange2003, (p) => readFileSync(p), c));
});
