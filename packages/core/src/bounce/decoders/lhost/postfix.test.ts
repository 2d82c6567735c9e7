import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Postfix } from './postfix';
import { corpusCases, expectDecodes } from './test-corpus';

// Only the Postfix notices without a delivery-status part are this decoder's; the rest go to RFC 3464.
const cases = corpusCases(['Postfix'], { withoutDeliveryStatus: true });

describe('Postfix (text)', () => {
  it.each(cases)('$file', (c) => expectDecodes(Postfix, (p) => readFileSync(p), c));
});
