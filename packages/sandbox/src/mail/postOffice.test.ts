import { ManualClock } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { headerValue } from '../mime/headers';
import { findPart, parseMimeTree, partText } from '../mime/tree';
import { DEMO_USERS } from '../users';
import { PostOffice } from './postOffice';
import { MailStore } from './store';

function setup(delay = 300) {
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  const store = new MailStore(DEMO_USERS, clock);
  return { clock, store, office: new PostOffice(store, clock, delay) };
}

const gus = DEMO_USERS.find((u) => u.id === 'gus')!;
const ava = DEMO_USERS.find((u) => u.id === 'ava')!;

function raw(to: string[], bcc: string[] = []) {
  return `From: ${gus.email}\r\nTo: ${to.join(', ')}\r\n${bcc.length ? `Bcc: ${bcc.join(', ')}\r\n` : ''}Subject: Hi\r\nMessage-ID: <m1@sendwell.test>\r\nX-Sendwell-Id: snd_1\r\n\r\nHello\r\n`;
}

describe('PostOffice', () => {
  it('groups failures into one notice and delays into another, both due after the delay', () => {
    const { clock, store, office } = setup();
    const to = ['a@bounce.test', 'b@full.test', 'c@delay.test', 'd@example.test'];
    office.submit({ sender: gus, raw: raw(to), recipients: to, saveToSent: true });
    expect(office.deliverDue()).toBe(0);
    clock.advance(300);
    expect(office.deliverDue()).toBe(2);
    const inbox = store.mailbox(gus.mailboxId).messages.filter((m) => m.folder === 'inbox');
    expect(inbox.map((m) => m.subject).sort()).toEqual([
      'Delivery Status Notification (Delay)',
      'Delivery Status Notification (Failure)',
    ]);
    const failure = inbox.find((m) => m.subject.endsWith('(Failure)'))!;
    const status = partText(findPart(parseMimeTree(failure.raw), 'message/delivery-status')!);
    expect(status.match(/^Final-Recipient: rfc822; (\S+)$/gm)).toEqual([
      'Final-Recipient: rfc822; a@bounce.test',
      'Final-Recipient: rfc822; b@full.test',
    ]);
    expect(failure.receivedAt.toISOString()).toBe('2026-01-05T09:00:00.300Z');
  });

  it('uses the Exchange NDR for Exchange senders', () => {
    const { clock, store, office } = setup(0);
    office.submit({
      sender: ava,
      raw: raw(['x@bounce.test']).replace(gus.email, ava.email),
      recipients: ['x@bounce.test'],
      saveToSent: true,
    });
    clock.advance(0);
    office.deliverDue();
    const [ndr] = store.mailbox(ava.mailboxId).messages.filter((m) => m.folder === 'inbox');
    expect(ndr?.subject).toBe('Undeliverable: Hi');
    expect(headerValue(ndr!.headers, 'From')).toMatch(
      /^Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso\.test>$/,
    );
  });

  it('delivers to sandbox users at once, without Bcc, and files the Sent copy with it', () => {
    const { store, office } = setup();
    office.submit({
      sender: gus,
      raw: raw(['ivy@acme.test'], ['eli@contoso.test']),
      recipients: ['ivy@acme.test', 'eli@contoso.test'],
      saveToSent: true,
    });
    const [atIvy] = store.mailbox('mbx-ivy').messages;
    expect(atIvy?.folder).toBe('inbox');
    expect(headerValue(atIvy!.headers, 'Bcc')).toBeUndefined();
    expect(store.mailbox('mbx-eli').messages).toHaveLength(1);
    expect(headerValue(store.mailbox(gus.mailboxId).messages[0]!.headers, 'Bcc')).toBe('eli@contoso.test');
  });

  it('over the sending limit delivers nothing and returns a limit bounce for every recipient', () => {
    const { clock, store, office } = setup();
    office.submit({
      sender: gus,
      raw: raw(['ivy@acme.test']),
      recipients: ['ivy@acme.test'],
      saveToSent: true,
      overSendingLimit: true,
    });
    clock.advance(300);
    office.deliverDue();
    expect(store.mailbox('mbx-ivy').messages).toHaveLength(0);
    const notice = store.mailbox(gus.mailboxId).messages.find((m) => m.folder === 'inbox')!;
    expect(notice.raw).toContain('You have reached a limit for sending mail.');
  });
});

describe('MailStore', () => {
  it('threads a notice with the message it references and prunes history after a week', () => {
    const { clock, store, office } = setup(0);
    office.submit({
      sender: gus,
      raw: raw(['a@bounce.test']),
      recipients: ['a@bounce.test'],
      saveToSent: true,
    });
    office.deliverDue();
    const [sent, notice] = store.mailbox(gus.mailboxId).messages;
    expect(notice?.threadId).toBe(sent?.threadId);
    expect(notice!.historyId).toBeGreaterThan(sent!.historyId);
    const floorBefore = store.mailbox(gus.mailboxId).historyFloor;
    clock.advance(7 * 24 * 3600_000 + 1);
    expect(store.pruneHistory(gus.mailboxId).historyFloor).toBe(notice!.historyId);
    expect(floorBefore).toBeLessThan(sent!.historyId);
  });
});
