import { describe, expect, it } from 'vitest';
import { headerParam, headerValue } from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import { sampleNoticeInput } from './fixtures';
import { buildGmailDsn } from './gmailDsn';
import type { NoticeRecipient } from './types';

function parse(raw: string) {
  const tree = parseMimeTree(raw);
  const status = partText(findPart(tree, 'message/delivery-status')!);
  const original = partText(findPart(tree, 'text/rfc822-headers')!);
  const human = partText(findPart(tree, 'text/plain')!);
  return { tree, status, original, human };
}

describe('buildGmailDsn', () => {
  it.each<[NoticeRecipient['fate'], string, string, RegExp, RegExp]>([
    [
      'hard-bounce',
      'failed',
      '5.1.1',
      /Diagnostic-Code: smtp; 550-5\.1\.1 The email account that you tried to reach does not exist/,
      /\*\* Address not found \*\*/,
    ],
    [
      'soft-bounce',
      'failed',
      '4.2.2',
      /Diagnostic-Code: smtp; 452-4\.2\.2 The recipient's inbox is out of storage space/,
      /\*\* Message not delivered \*\*/,
    ],
    [
      'delay',
      'delayed',
      '4.4.1',
      /Diagnostic-Code: smtp; The recipient server did not accept our requests to connect/,
      /\*\* Delivery incomplete \*\*/,
    ],
    [
      'sending-limit',
      'failed',
      '5.4.5',
      /550 5\.4\.5 Daily user sending limit exceeded/,
      /You have reached a limit for sending mail\. Your message was not sent\./,
    ],
  ])('%s: action %s, status %s, Gmail wording', (fate, action, status, diagnostic, human) => {
    const kind = fate === 'delay' ? 'delay' : 'failure';
    const raw = buildGmailDsn(sampleNoticeInput(kind, [{ address: 'pat@bounce.test', fate }]));
    const parsed = parse(raw);
    expect(parsed.status).toContain('Reporting-MTA: dns; googlemail.com');
    expect(parsed.status).toContain('Final-Recipient: rfc822; pat@bounce.test');
    expect(parsed.status).toContain(`Action: ${action}`);
    expect(parsed.status).toContain(`Status: ${status}`);
    expect(parsed.status).toMatch(diagnostic);
    expect(parsed.human).toMatch(human);
    expect(headerValue(parsed.tree.headers, 'Subject')).toBe(
      `Delivery Status Notification (${kind === 'delay' ? 'Delay' : 'Failure'})`,
    );
  });

  it('comes from the Mail Delivery Subsystem as a multipart/report to the sender', () => {
    const tree = parseMimeTree(
      buildGmailDsn(sampleNoticeInput('failure', [{ address: 'pat@bounce.test', fate: 'hard-bounce' }])),
    );
    expect(headerValue(tree.headers, 'From')).toBe('Mail Delivery Subsystem <mailer-daemon@googlemail.com>');
    expect(headerValue(tree.headers, 'To')).toBe('gus@acme.test');
    expect(headerValue(tree.headers, 'X-Failed-Recipients')).toBe('pat@bounce.test');
    expect(tree.mimeType).toBe('multipart/report');
    expect(headerParam(headerValue(tree.headers, 'Content-Type'), 'report-type')).toBe('delivery-status');
    expect(tree.parts.map((p) => p.mimeType)).toEqual([
      'multipart/alternative',
      'message/delivery-status',
      'text/rfc822-headers',
    ]);
  });

  it("returns the original's Message-ID and X-Sendwell-Id but not its Bcc", () => {
    const parsed = parse(
      buildGmailDsn(sampleNoticeInput('failure', [{ address: 'pat@bounce.test', fate: 'hard-bounce' }])),
    );
    expect(parsed.original).toContain('Message-ID: <sw-1a2b3c@sendwell.test>');
    expect(parsed.original).toContain('X-Sendwell-Id: snd_42');
    expect(parsed.original).not.toContain('hidden@example.test');
    expect(headerValue(parsed.tree.headers, 'In-Reply-To')).toBe('<sw-1a2b3c@sendwell.test>');
  });

  it('lists every failed recipient of the message in one report', () => {
    const parsed = parse(
      buildGmailDsn(
        sampleNoticeInput('failure', [
          { address: 'a@bounce.test', fate: 'hard-bounce' },
          { address: 'b@full.test', fate: 'soft-bounce' },
        ]),
      ),
    );
    expect(parsed.status.match(/^Final-Recipient:/gm)).toHaveLength(2);
    expect(headerValue(parsed.tree.headers, 'X-Failed-Recipients')).toBe('a@bounce.test, b@full.test');
  });
});
