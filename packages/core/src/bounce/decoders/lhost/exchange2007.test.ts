import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../message';
import { Exchange2007 } from './exchange2007';
import { corpusCases, expectDecodes } from './test-corpus';

// Exchange notices that carry a delivery-status part are the RFC 3464 decoder's.
const cases = corpusCases(['Exchange2007'], { withoutDeliveryStatus: true });

/** Exchange Online's readable NDR text, as documented ("Diagnostic information for administrators"). */
function ndr(summary: string, rows: [string, string][], subject = 'Undeliverable: Quick question') {
  const text = [
    summary,
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: BN6PR11MB1234.namprd11.prod.outlook.com',
    '',
    ...rows.flatMap(([address, line]) => [address, line, '']),
    'Original message headers:',
    '',
    'Message-ID: <orig-7@contoso.example>',
    'To: someone@example.net',
  ].join('\n');
  const headers = new Map([
    ['from', ['Microsoft Outlook <postmaster@contoso.onmicrosoft.com>']],
    ['subject', [subject]],
  ]);
  return assemble(headers, [{ contentType: 'text/plain', text }]);
}

describe('Exchange2007 (Exchange Online text NDR)', () => {
  it.each([
    [
      '5.1.10 RecipientNotFound',
      "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
      '5.1.10',
      '550',
    ],
    [
      '5.2.2 mailbox full',
      "Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException'",
      '5.2.2',
      '554',
    ],
    [
      '5.7.1 blocked by policy',
      "Remote Server returned '550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus'",
      '5.7.1',
      '550',
    ],
    [
      '5.4.1 relay access denied',
      "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied'",
      '5.4.1',
      '550',
    ],
    [
      '5.4.14 routing loop',
      "Remote Server returned '554 5.4.14 Hop count exceeded - possible mail loop ATTR34'",
      '5.4.14',
      '554',
    ],
  ])('reads %s', (_label, line, status, replyCode) => {
    const decoded = Exchange2007.decode(
      ndr("Your message to nobody@example.net couldn't be delivered.", [['nobody@example.net', line]]),
    );
    expect(decoded?.recipients).toEqual([
      expect.objectContaining({ address: 'nobody@example.net', status, replyCode, action: 'failed' }),
    ]);
    expect(decoded?.originalMessageId).toBe('orig-7@contoso.example');
  });

  it('reads every recipient of a multi-recipient NDR', () => {
    const decoded = Exchange2007.decode(
      ndr('Delivery has failed to these recipients or groups:', [
        ['a@example.net', "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"],
        ['b@example.org', "Remote Server returned '552 5.2.2 Mailbox full'"],
      ]),
    );
    expect(decoded?.recipients.map((r) => [r.address, r.status])).toEqual([
      ['a@example.net', '5.1.1'],
      ['b@example.org', '5.2.2'],
    ]);
  });

  it('marks a delay notice as delayed', () => {
    const decoded = Exchange2007.decode(
      ndr(
        'Delivery is delayed to these recipients or groups:',
        [
          [
            'slow@example.com',
            "Remote Server returned '451 4.4.0 Primary target IP address responded with: 421 4.4.2 Connection dropped'",
          ],
        ],
        'Delivery delayed: Quick question',
      ),
    );
    expect(decoded?.recipients[0]).toMatchObject({
      address: 'slow@example.com',
      action: 'delayed',
      status: '4.4.0',
    });
  });

  it.each(cases)('$file', (c) => expectDecodes(Exchange2007, (p) => readFileSync(p), c));
});
