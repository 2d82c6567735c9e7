import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { Zoho } from './zoho';

const cases = corpusCases(['Zoho']);

describe('Zoho', () => {
  it.each(cases)('$file', (c) => expectDecodes(Zoho, (p) => readFileSync(p), c));
});
