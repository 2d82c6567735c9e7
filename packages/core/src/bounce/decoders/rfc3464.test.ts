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

describe('rfc3464 keeps delays and list addresses', () => {
  it.each([
    ['Action: delayed', 'delayed'],
    ['Action: Delayed (will retry)', 'delayed'],
    ['Action: failed', 'failed'],
    ['Action: expired', 'failed'],
  ])('%s → %s', async (action, expected) => {
    const decoded = await decode(
      report(
        'Delivery is delayed.',
        `Final-Recipient: rfc822; bob@dest.example\r\n${action}\r\nStatus: 4.4.1`,
      ),
    );
    expect(decoded?.recipients[0]?.action).toBe(expected);
    expect(decoded?.kind).toBe('bounce');
  });

  it('reports a list address when the DSN names it as the failed recipient', async () => {
    const fields = 'Final-Recipient: rfc822; team@lists.example\r\nAction: failed\r\nStatus: 5.7.1';
    const decoded = await decode(report('The list refused your post.', fields));
    expect(decoded?.recipients.map((r) => r.address)).toEqual(['team@lists.example']);
  });

  it('keeps the list address a member was reached through as the alias', async () => {
    const fields =
      'Original-Recipient: rfc822; team@lists.example\r\nFinal-Recipient: rfc822; carol@dest.example\r\nAction: failed\r\nStatus: 5.1.1';
    const decoded = await decode(report('User unknown.', fields));
    expect(decoded?.recipients[0]).toMatchObject({
      address: 'carol@dest.example',
      alias: 'team@lists.example',
    });
  });
});

describe('a delay warning without an Action field', () => {
  it.each([
    ['en', 'Warning: message delayed', 'This message has not yet been delivered. No action is required.'],
    ['de', 'Zustellung verzögert', 'Die Nachricht wurde noch nicht zugestellt. Es wird weiterhin versucht.'],
    ['fr', 'Remise retardée', "Votre message n'a pas encore été remis. Ceci est un avertissement seulement."],
  ])('%s: its recipients are delayed, not failed', async (_lang, subject, readable) => {
    const raw = report(readable, 'Final-Recipient: rfc822; bob@dest.example\r\nStatus: 4.4.1').replace(
      'Subject: Undelivered Mail Returned to Sender',
      `Subject: ${subject}`,
    );
    const { parseBounce } = await import('../engine');
    const result = await parseBounce(raw);
    expect(result.kind).toBe('bounce');
    expect(result.recipients[0]?.action).toBe('delayed');
  });
});
