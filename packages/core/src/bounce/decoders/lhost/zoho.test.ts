import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Zoho } from './zoho';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['Zoho']);

describe('Zoho', () => {
  it.each(cases)('$file', (c) => expectDecodes(Zoho, (p) => readFileSync(p), c));
});
