import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { corpusCases, expectDecodes } from './test-corpus';
import { V5sendmail } from './v5sendmail';

const cases = corpusCases(['V5sendmail']);

describe('V5sendmail', () => {
  it.each(cases)('$file', (c) => expectDecodes(V5sendmail, (p) => readFileSync(p), c));
});
