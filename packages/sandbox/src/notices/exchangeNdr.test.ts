import { describe, expect, it } from 'vitest';
import { headerParam, headerValue } from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import { buildExchangeNdr } from './exchangeNdr';
import { sampleNoticeInput } from './fixtures';
import type { NoticeRecipient } from './types';

const AVA = 'ava@contoso.test';

describe('buildExchangeNdr', () => {
  it.each<[NoticeRecipient['fate'], string, string, string, RegExp]>([
    [
      'hard-bounce',
      'Undeliverable: Quick question',
      'failed',
      '5.1.10',
      /Remote Server returned '550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound; Recipient not found by SMTP address lookup'/,
    ],
    [
      'soft-bounce',
      'Undeliverable: Quick question',
      'failed',
      '5.2.2',
      /Remote Server returned '554 5\.2\.2 mailbox full/,
    ],
    [
      'delay',
      'Delivery delayed: Quick question',
      'delayed',
      '4.4.7',
      /Delivery is delayed to these recipients or groups/,
    ],
  ])('%s: subject, action, status and wording', (fate, subject, action, status, human) => {
    const kind = fate === 'delay' ? 'delay' : 'failure';
    const tree = parseMimeTree(
      buildExchangeNdr(sampleNoticeInput(kind, [{ address: 'pat@bounce.test', fate }], AVA)),
    );
    const dsn = partText(findPart(tree, 'message/delivery-status')!);
    expect(headerValue(tree.headers, 'Subject')).toBe(subject);
    expect(dsn).toMatch(/^Reporting-MTA: dns;\S+\.prod\.outlook\.com$/m);
    expect(dsn).toContain('Final-Recipient: rfc822;pat@bounce.test');
    expect(dsn).toContain(`Action: ${action}`);
    expect(dsn).toContain(`Status: ${status}`);
    expect(dsn).toContain('X-Display-Name: pat@bounce.test');
    expect(partText(findPart(tree, 'text/plain')!)).toMatch(human);
  });

  it('is a multipart/report from the tenant postmaster with an HTML body', () => {
    const tree = parseMimeTree(
      buildExchangeNdr(
        sampleNoticeInput('failure', [{ address: 'pat@bounce.test', fate: 'hard-bounce' }], AVA),
      ),
    );
    expect(headerValue(tree.headers, 'From')).toBe(
      'Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.test>',
    );
    expect(headerParam(headerValue(tree.headers, 'Content-Type'), 'report-type')).toBe('delivery-status');
    const html = partText(findPart(tree, 'text/html')!);
    expect(html).toContain("Your message to pat@bounce.test couldn't be delivered.");
    expect(html).toContain('RecipientNotFound');
    const dsn = partText(findPart(tree, 'message/delivery-status')!);
    expect(dsn).toContain('Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound;');
  });

  it("returns the original's Message-ID and X-Sendwell-Id", () => {
    const tree = parseMimeTree(
      buildExchangeNdr(
        sampleNoticeInput('failure', [{ address: 'pat@bounce.test', fate: 'hard-bounce' }], AVA),
      ),
    );
    const original = partText(findPart(tree, 'text/rfc822-headers')!);
    expect(original).toContain('Message-ID: <sw-1a2b3c@sendwell.test>');
    expect(original).toContain('X-Sendwell-Id: snd_42');
    expect(headerValue(tree.headers, 'References')).toBe('<sw-1a2b3c@sendwell.test>');
  });
});
