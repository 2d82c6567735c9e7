import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { DragonFly } from './dragonfly';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['DragonFly']);

describe('DragonFly', () => {
  it.each(cases)('$file', (c) => expectDecodes(DragonFly, (p) => readFileSync(p), c));
});
