import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Sendmail } from './sendmail';
import { corpusCases, expectDecodes } from './test-corpus';

// Sendmail notices with a delivery-status part are the RFC 3464 decoder's; these are the others.
const cases = corpusCases(['Sendmail'], { withoutDeliveryStatus: true });

describe('Sendmail (text)', () => {
  it.each(cases)('$file', (c) => expectDecodes(Sendmail, (p) => readFileSync(p), c));
});
