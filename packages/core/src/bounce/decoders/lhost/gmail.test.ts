import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Gmail } from './gmail';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Gmail']);

describe('Gmail', () => {
  it.each(cases)('$file', (c) => expectDecodes(Gmail, (p) => readFileSync(p), c));
});
