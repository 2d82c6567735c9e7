import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { AmazonSES } from './amazonses';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['AmazonSES']);

describe('AmazonSES', () => {
  it.each(cases)('$file', (c) => expectDecodes(AmazonSES, (p) => readFileSync(p), c));
});
