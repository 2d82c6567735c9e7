import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { GoogleGroups } from './googlegroups';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['GoogleGroups']);

describe('GoogleGroups', () => {
  it.each(cases)('$file', (c) => expectDecodes(GoogleGroups, (p) => readFileSync(p), c));
});
