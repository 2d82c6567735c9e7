import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { GoogleWorkspace } from './googleworkspace';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['GoogleWorkspace']);

describe('GoogleWorkspace', () => {
  it.each(cases)('$file', (c) => expectDecodes(GoogleWorkspace, (p) => readFileSync(p), c));
});
