import { describe, expect, it } from 'vitest';
import { buildBounceMessage } from '../message';
import { rfc3464 } from './rfc3464';

function report(readable: string, fields: string): string {
  return [
    'From: MAILER-DAEMON@mx.example.net',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    readable,
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    fields,
    '',
    '--b--',
    '',
  ].join('\r\n');
}

async function decode(raw: string) {
  return rfc3464.decode(await buildBounceMessage(raw));
}

describe('rfc3464 readable-text enrichment', () => {
  it("keeps a Postfix continuation line that starts with the same '<address>...'", async () => {
    const text = [
      '<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.2.1',
      '    <a@example.jp>... User Unknown (in reply to RCPT TO command)',
    ].join('\r\n');
    const decoded = await decode(
      report(text, 'Final-Recipient: rfc822; a@example.jp\r\nAction: failed\r\nStatus: 5.2.1'),
    );
    const [r] = decoded?.recipients ?? [];
    expect(r?.diagnostic).toContain('User Unknown');
    expect(r?.command).toBe('RCPT');
  });

  it("joins a multi-line reply from Sendmail's transcript when the field has only its first line", async () => {
    const text = [
      '   ----- Transcript of session follows -----',
      '>>> DATA',
      "<<< 550-5.7.1 Unauthenticated email from example.com is not accepted due to domain's",
      '<<< 550-5.7.1 DMARC policy. Please contact the administrator of example.com domain',
      '<<< 550 5.7.1 DMARC initiative. - gsmtp',
      '554 5.0.0 Service unavailable',
    ].join('\r\n');
    const fields = [
      'Final-Recipient: RFC822; a@example.jp',
      'Action: failed',
      'Status: 5.7.1',
      "Diagnostic-Code: SMTP; 550-5.7.1 Unauthenticated email from example.com is not accepted due to domain's",
    ].join('\r\n');
    const [r] = (await decode(report(text, fields)))?.recipients ?? [];
    expect(r?.diagnostic).toMatch(/domain's DMARC policy\. .* DMARC initiative\. - gsmtp$/);
    expect(r?.diagnostic).not.toContain('554 5.0.0');
  });
});
