import { parseBounce } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import { type Harness, startSandbox } from '../testing/harness';
import type { SandboxSmtpMessage } from './desk';
import { type SandboxSmtp, startSandboxSmtp } from './server';
import { converse, mxClient, relayClient } from './testing';

let h: Harness;
let smtp: SandboxSmtp;
beforeAll(async () => {
  h = await startSandbox();
  smtp = await startSandboxSmtp({ sandbox: h.sandbox, port: 0 });
});
afterAll(async () => {
  await smtp.close();
  await h.close();
});

let counter = 0;
function message(to: string, from = 'ava@contoso.test') {
  counter += 1;
  return {
    from,
    to,
    subject: `Hello ${counter}`,
    text: 'Hi there',
    messageId: `<smtp-${counter}@sendwell.test>`,
    headers: { 'X-Sendwell-Id': `snd_smtp_${counter}` },
  };
}

async function logged(messageId: string): Promise<SandboxSmtpMessage> {
  const body = (await (await fetch(`${h.baseUrl}/smtp/messages`)).json()) as {
    messages: SandboxSmtpMessage[];
  };
  const found = body.messages.find((m) => m.messageId === messageId);
  if (!found) throw new Error(`${messageId} is not in /smtp/messages`);
  return found;
}

const inboxOf = (userId: string) => h.sandbox.messages(userId, 'inbox');

describe('the sandbox SMTP server as a relay (AUTH)', () => {
  it('advertises AUTH, STARTTLS, SIZE 10 MB and DSN', async () => {
    const [, ehlo] = await converse(smtp.port, ['EHLO client.test', 'QUIT']);
    for (const extension of ['AUTH PLAIN LOGIN', 'STARTTLS', 'SIZE 10485760', 'DSN'])
      expect(ehlo).toContain(extension);
  });

  it('refuses a wrong password with 535 5.7.8', async () => {
    const login = Buffer.from('\0sendwell\0wrong').toString('base64');
    const replies = await converse(smtp.port, ['EHLO client.test', `AUTH PLAIN ${login}`, 'QUIT']);
    expect(replies[2]).toMatch(/^535 5\.7\.8 /);
  });

  it('delivers to sandbox people: Exchange and Gmail inboxes alike, and logs who sent it', async () => {
    const mail = message('eli@contoso.test, ivy@acme.test');
    await relayClient(smtp.port).sendMail(mail);
    for (const user of ['eli', 'ivy'])
      expect(inboxOf(user).map((m) => m.internetMessageId)).toContain(mail.messageId);
    const entry = await logged(mail.messageId);
    expect(entry).toMatchObject({
      role: 'relay',
      authUser: 'sendwell',
      envelope: { mailFrom: 'ava@contoso.test', rcptTo: ['eli@contoso.test', 'ivy@acme.test'] },
      deliveredTo: ['eli@contoso.test', 'ivy@acme.test'],
      subject: mail.subject,
    });
  });

  it('relayed mail gets answers too: pat@reply.test replies to the envelope sender after the delay', async () => {
    const mail = message('pat@reply.test');
    await relayClient(smtp.port).sendMail(mail);
    expect((await logged(mail.messageId)).leftSandbox).toEqual(['pat@reply.test']);
    h.clock.advance(300);
    h.sandbox.deliverDueNotices();
    const reply = inboxOf('ava').find((m) => m.subject === `Re: ${mail.subject}`);
    expect(reply?.headers.find((x) => x.name === 'In-Reply-To')?.value).toBe(mail.messageId);
  });

  it('lets other recipients leave the sandbox', async () => {
    const mail = message('pat@example.test');
    await relayClient(smtp.port).sendMail(mail);
    expect((await logged(mail.messageId)).leftSandbox).toEqual(['pat@example.test']);
  });
});

type NoticeCase = [to: string, action: string, status: string, hard: boolean];
const NOTICES: NoticeCase[] = [
  ['pat@bounce.test', 'failed', '5.1.1', true],
  ['pat@full.test', 'failed', '5.2.2', false],
  ['pat@delay.test', 'delayed', '4.4.1', false],
];

describe('DSNs for the bounce domains, written as Postfix writes them', () => {
  it.each(NOTICES)(
    '%s: a notice in the sender’s inbox after the notice delay',
    async (to, action, status, hard) => {
      const mail = message(to);
      const dsn = {
        id: `env-${counter + 1}`,
        return: 'headers' as const,
        notify: ['failure', 'delay'] as const,
        recipient: 'ava@contoso.test',
      };
      await relayClient(smtp.port).sendMail({ ...mail, dsn: { ...dsn, notify: [...dsn.notify] } });
      const entry = await logged(mail.messageId);
      expect(entry.dsn).toEqual({ ret: 'HDRS', envid: dsn.id, notify: { [to]: ['FAILURE', 'DELAY'] } });
      expect(entry.noticesFor).toEqual([to]);
      const before = inboxOf('ava').length;
      h.clock.advance(300);
      const notice = inboxOf('ava')
        .slice(before)
        .find((m) => m.raw.includes(to))!;
      const report = await parseBounce(notice.raw);
      expect(report.kind).toBe('bounce');
      expect(report.recipients).toMatchObject([{ address: to, action, status, hard }]);
      expect(report.originalHeaders?.['x-sendwell-id']).toBe(mail.headers['X-Sendwell-Id']);
      const tree = parseMimeTree(notice.raw);
      expect(partText(findPart(tree, 'message/delivery-status')!)).toContain(
        `Original-Envelope-Id: ${dsn.id}`,
      );
      expect(findPart(tree, 'text/rfc822-headers'), 'RET=HDRS returns the headers only').toBeDefined();
    },
  );

  it('returns the whole message without RET=HDRS, and files no notice for NOTIFY=NEVER', async () => {
    const full = message('kim@bounce.test');
    await relayClient(smtp.port).sendMail(full);
    const never = message('lee@bounce.test');
    await relayClient(smtp.port).sendMail({
      ...never,
      dsn: { notify: 'never', recipient: 'ava@contoso.test' },
    });
    expect((await logged(never.messageId)).noticesFor).toEqual([]);
    const before = inboxOf('ava').length;
    h.clock.advance(300);
    const arrived = inboxOf('ava').slice(before);
    expect(arrived.map((m) => m.subject)).toEqual(['Undelivered Mail Returned to Sender']);
    const returned = findPart(parseMimeTree(arrived[0]!.raw), 'message/rfc822');
    expect(returned && partText(returned)).toContain('Hi there');
    expect((await parseBounce(arrived[0]!.raw)).originalMessageId).toBe(full.messageId.slice(1, -1));
  });
});

describe('the sandbox SMTP server as the MX of the sandbox people (no AUTH)', () => {
  it('accepts mail for them and files it in their inbox with its Return-Path', async () => {
    const mail = message('ava@contoso.test', 'mailer-daemon@postfix.test');
    await mxClient(smtp.port).sendMail({ ...mail, envelope: { from: '', to: ['ava@contoso.test'] } });
    const landed = inboxOf('ava').find((m) => m.internetMessageId === mail.messageId)!;
    expect(landed.raw.startsWith('Return-Path: <>\r\n')).toBe(true);
    expect(await logged(mail.messageId)).toMatchObject({
      role: 'mx',
      authUser: null,
      deliveredTo: ['ava@contoso.test'],
    });
  });

  it('refuses to relay for anyone else: 550 5.7.1', async () => {
    const replies = await converse(smtp.port, [
      'EHLO mta.test',
      'MAIL FROM:<x@mta.test>',
      'RCPT TO:<pat@example.test>',
      'QUIT',
    ]);
    expect(replies[3]).toMatch(/^550 5\.7\.1 <pat@example\.test>: Relay access denied/);
  });
});

describe('the dev page', () => {
  it('has an SMTP section with the port and the latest messages', async () => {
    const page = await (await fetch(`${h.baseUrl}/dev`)).text();
    expect(page).toContain(`Listening on 127.0.0.1:${smtp.port}`);
    expect(page).toContain('data-testid="dev-smtp-message"');
  });
});
