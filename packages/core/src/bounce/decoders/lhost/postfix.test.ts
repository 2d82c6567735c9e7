import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { Postfix } from './postfix';
import { corpusCases, expectDecodes } from './test-corpus';

// Only the Postfix notices without a delivery-status part are this decoder's; the rest go to RFC 3464.
// Two samples have a MIME boundary that matches no part, so postal-mime yields no text at all;
// they need the message builder to fall back to the raw body (reported to the engine side).
const BROKEN_MIME = ['maildir/bsd/rhost-franceptt-07.eml', 'maildir/bsd/rhost-google-02.eml'];
const cases = corpusCases((p) => readFileSync(p, 'utf8'), ['Postfix'], { withoutDeliveryStatus: true })
  .filter((c) => !BROKEN_MIME.includes(c.file));

describe('Postfix (text)', () => {
  it.each(cases)('$file', (c) => expectDecodes(Postfix, (p) => readFileSync(p), c));
});
