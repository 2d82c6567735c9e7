/**
 * The answering recipients through the post office, read back the way Sendwell reads them: the
 * sender's inbox, the thread, and @sendwell/core's parseBounce (replies are not notices,
 * out-of-office answers are auto-replies, spam reports are feedback).
 */
import { ManualClock, parseBounce } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { PostOffice } from '../mail/postOffice';
import { MailStore } from '../mail/store';
import { headerValue } from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import { DEMO_USERS } from '../users';
import { OUT_OF_OFFICE_TEXT } from './autoReply';
import { REPLY_TEXT } from './reply';

const gus = DEMO_USERS.find((u) => u.id === 'gus')!;
const ava = DEMO_USERS.find((u) => u.id === 'ava')!;

function sendTo(sender: typeof gus, to: string) {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const store = new MailStore(DEMO_USERS, clock);
  const office = new PostOffice(store, clock, 300);
  const raw = [
    `From: ${sender.name} <${sender.email}>`,
    `To: Pat Prospect <${to}>`,
    'Subject: Quick question',
    'Message-ID: <sw-1@sendwell.local>',
    'References: <sw-0@sendwell.local>',
    'X-Sendwell-Id: snd_1',
    '',
    'Hello Pat,',
    'Would a call next week work?',
    '',
  ].join('\r\n');
  const sent = office.submit({ sender, raw, recipients: [to], saveToSent: true })!;
  const inbox = () => store.mailbox(sender.mailboxId).messages.filter((m) => m.folder === 'inbox');
  return { clock, office, sent, inbox };
}

describe('answering recipients', () => {
  it.each([gus, ava])('pat@reply.test writes back to %s, threaded on the original', async (sender) => {
    const { clock, office, sent, inbox } = sendTo(sender, 'pat@reply.test');
    expect(office.deliverDue()).toBe(0);
    clock.advance(300);
    expect(office.deliverDue()).toBe(1);
    const [reply] = inbox();
    expect(reply?.subject).toBe('Re: Quick question');
    expect(reply?.from).toEqual({ name: 'Pat Prospect', address: 'pat@reply.test' });
    expect(reply?.to.map((m) => m.address)).toEqual([sender.email]);
    expect(headerValue(reply!.headers, 'In-Reply-To')).toBe('<sw-1@sendwell.local>');
    expect(headerValue(reply!.headers, 'References')).toBe('<sw-0@sendwell.local> <sw-1@sendwell.local>');
    expect(reply?.threadId).toBe(sent.threadId);
    const text = partText(findPart(parseMimeTree(reply!.raw), 'text/plain')!);
    expect(text).toContain(REPLY_TEXT);
    expect(text).toContain('> Would a call next week work?');
    expect(reply?.receivedAt.toISOString()).toBe('2026-01-05T09:00:00.300Z');
    expect((await parseBounce(reply!.raw)).kind).toBe('not-bounce');
  });

  it.each([
    [gus, 'Re: Quick question', 'auto-replied'],
    [ava, 'Automatic reply: Quick question', 'auto-generated'],
  ])(
    'pat@ooo.test answers %s out of office (%s), which core reads as an auto-reply',
    async (sender, subject, auto) => {
      const { clock, office, inbox } = sendTo(sender, 'pat@ooo.test');
      clock.advance(300);
      office.deliverDue();
      const [answer] = inbox();
      expect(answer?.subject).toBe(subject);
      expect(headerValue(answer!.headers, 'Auto-Submitted')).toBe(auto);
      expect(headerValue(answer!.headers, 'In-Reply-To')).toBe('<sw-1@sendwell.local>');
      expect(answer?.raw).toContain(OUT_OF_OFFICE_TEXT);
      const report = await parseBounce(answer!.raw);
      expect(report.kind).toBe('auto-reply');
      expect(report.recipients.map((r) => r.address)).toEqual(['pat@ooo.test']);
    },
  );

  it.each([gus, ava])(
    'pat@complain.test reports %s for spam with an ARF report core reads',
    async (sender) => {
      const { clock, office, inbox } = sendTo(sender, 'pat@complain.test');
      clock.advance(300);
      office.deliverDue();
      const [arf] = inbox();
      expect(headerValue(arf!.headers, 'Content-Type')).toMatch(
        /^multipart\/report; report-type=feedback-report;/,
      );
      const tree = parseMimeTree(arf!.raw);
      const report = partText(findPart(tree, 'message/feedback-report')!);
      expect(report).toMatch(/^Feedback-Type: abuse$/m);
      expect(report).toMatch(/^Version: 1$/m);
      expect(report).toMatch(/^Original-Rcpt-To: <pat@complain\.test>$/m);
      const parsed = await parseBounce(arf!.raw);
      expect(parsed.kind).toBe('feedback');
      expect(parsed.recipients.map((r) => r.address)).toEqual(['pat@complain.test']);
      expect(parsed.originalMessageId).toBe('sw-1@sendwell.local');
    },
  );

  it('answers nothing for ordinary recipients and nothing over the sending limit', () => {
    const { clock, office, inbox } = sendTo(gus, 'pat@example.test');
    clock.advance(300);
    expect(office.deliverDue()).toBe(0);
    expect(inbox()).toHaveLength(0);
    office.submit({
      sender: gus,
      raw: 'From: gus@acme.test\r\nTo: pat@reply.test\r\nSubject: x\r\nMessage-ID: <m@x>\r\n\r\nx\r\n',
      recipients: ['pat@reply.test'],
      saveToSent: true,
      overSendingLimit: true,
    });
    clock.advance(300);
    office.deliverDue();
    expect(inbox().map((m) => m.subject)).toEqual(['Delivery Status Notification (Failure)']);
  });
});
