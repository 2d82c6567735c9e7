import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Mimecast } from './mimecast';
import { corpusCases, expectDecodes } from './test-corpus';

const cases = corpusCases(['Mimecast'], { withoutDeliveryStatus: true });

describe('Mimecast', () => {
  it.each(cases)('$file', (c) => expectDecodes(Mimecast, (p) => readFileSync(p), c));
});
