import { MailboxAuthError, type OutgoingMessage } from '@sendwell/core';
import type { Sandbox } from '@sendwell/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BounceTrackingUnsupportedError, EwsMailbox, type PasswordSource } from './ewsMailbox';
import { serveSandbox } from './ewsTesting';

// EwsMailbox against the sandbox's EWS over HTTP: its SOAP answers, faults, 401s and switches.
let sandbox: Sandbox;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ sandbox, close } = await serveSandbox());
});
afterEach(() => close());

const northwind = () => sandbox.ews.orgs.find((o) => o.id === 'northwind')!;
const rio = () => northwind().users.find((u) => u.id === 'rio')!;
const mailbox = (password: PasswordSource = async () => rio().password) =>
  new EwsMailbox({
    ewsUrl: sandbox.ews.url('northwind'),
    address: rio().address,
    username: rio().username,
    password,
  });
const message = (sendwellId: string, to = ['pat@example.com']): OutgoingMessage => ({
  sendwellId,
  messageId: `${sendwellId}@sendwell.local`,
  from: 'rio@northwind.test',
  to,
  cc: ['cy@example.com'],
  subject: 'Quick question',
  html: '<p>Hello &amp; welcome</p>',
});
const ours = (sendwellId: string) =>
  sandbox.ews.sentItems('northwind', 'rio').filter((i) => i.internetHeaders['x-sendwell-id'] === sendwellId);

describe('EwsMailbox against the sandbox EWS', () => {
  it('sends with SendAndSaveCopy: one copy in Sent Items, with our header, found by findSent', async () => {
    const box = mailbox();
    expect(await box.send(message('snd-1'))).toEqual({ status: 'submitted' });
    expect(ours('snd-1')).toHaveLength(1);
    const [item] = ours('snd-1');
    expect(item!.raw).toContain('x-sendwell-id: snd-1');
    expect(item!.raw).toContain('<p>Hello &amp; welcome</p>');
    expect([item!.to, item!.cc]).toEqual([['pat@example.com'], ['cy@example.com']]);
    expect(await box.findSent('snd-1')).toBe(true);
    expect(await box.findSent('snd-2')).toBe(false);
  });

  it('ErrorServerBusy is throttled for BackOffMilliseconds, then the send goes through', async () => {
    sandbox.ews.busyNext('northwind', 1, 45_000);
    const box = mailbox();
    const busy = await box.send(message('snd-busy'));
    expect(busy).toMatchObject({ status: 'throttled', retryAfterSeconds: 45 });
    expect(ours('snd-busy')).toHaveLength(0);
    expect(await box.send(message('snd-busy'))).toEqual({ status: 'submitted' });
    expect(ours('snd-busy')).toHaveLength(1);
  });

  it('a per-item error fails the send for good, with Exchange’s code', async () => {
    const result = await mailbox().send({ ...message('snd-none', []), cc: [] });
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(result.status === 'failed' && result.detail).toContain('ErrorInvalidRecipients');
  });

  it('a rejected password is read again once, then the connection is lost (password-rejected)', async () => {
    const calls: (boolean | undefined)[] = [];
    const box = mailbox(async (options) => {
      calls.push(options?.forceRefresh);
      return 'an old password';
    });
    const error = await box.send(message('snd-401')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailboxAuthError);
    expect((error as MailboxAuthError).problem).toBe('password-rejected');
    expect(calls).toEqual([undefined, true]);
    expect(ours('snd-401')).toHaveLength(0);
  });

  it('a password changed since it was cached works after the re-read', async () => {
    const box = mailbox(async (options) => (options?.forceRefresh ? rio().password : 'the old one'));
    expect(await box.send(message('snd-new-password'))).toEqual({ status: 'submitted' });
  });

  it('a crash after the server accepted leaves the send unknown to us but findable', async () => {
    sandbox.ews.crashAfterAccept('northwind');
    const box = mailbox();
    await expect(box.send(message('snd-crash'))).rejects.toThrow();
    expect(await box.findSent('snd-crash')).toBe(true);
  });

  it('has no inbox to scan: an empty page, and raw messages are not supported', async () => {
    const box = mailbox();
    expect(await box.listInboxChanges(null)).toEqual({ entries: [], cursor: 'exchange-server' });
    await expect(box.getRawMessage()).rejects.toBeInstanceOf(BounceTrackingUnsupportedError);
  });
});
