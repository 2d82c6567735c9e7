import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catcher, startCatcher } from './catcher';
import { type RemoteMx, startRemoteMx } from './remote';
import { isTransient, REPLIES, replyFor, wireReply } from './replies';
import { scenariosFor } from './scenarios';

const REASONS = new Set([
  'userunknown',
  'mailboxfull',
  'mesgtoobig',
  'filtered',
  'blocked',
  'policyviolation',
  'spamdetected',
  'virusdetected',
  'authfailure',
  'suspend',
  'hasmoved',
  'norelaying',
  'toomanyconn',
]);

describe('the remote MX reply table', () => {
  it('keys every row by a distinct local part', () => {
    const locals = REPLIES.map((row) => row.local);
    expect(new Set(locals).size).toBe(locals.length);
  });

  it.each(REPLIES.map((row) => [row.local, row] as const))(
    '%s: code, enhanced code and reason agree',
    (_, row) => {
      expect(REASONS).toContain(row.reason);
      expect(row.code).toBeGreaterThanOrEqual(400);
      expect(row.code).toBeLessThan(600);
      // Every line with an enhanced code starts with the reply code's class (4.x.x for 4xx…).
      for (const line of row.lines) {
        const enhanced = /^(\d)\.\d{1,3}\.\d{1,3} /.exec(line);
        if (enhanced) expect(enhanced[1]).toBe(String(row.code)[0]);
      }
    },
  );

  it('writes multi-line replies with dashes on all lines but the last', () => {
    expect(wireReply(550, ['5.1.1 a', '5.1.1 b'])).toBe('550-5.1.1 a\r\n550 5.1.1 b\r\n');
  });

  it('finds rows by local part, case-insensitively, and nothing for other addresses', () => {
    expect(replyFor('Gmail-NoSuchUser@gmail.test')?.code).toBe(550);
    expect(replyFor('someone@gmail.test')).toBeUndefined();
  });
});

describe('the lab scenarios', () => {
  it.each(['postfix', 'exim', 'opensmtpd'])(
    '%s: unique names, transient replies expect a warning, then expiry unless the cause is the mailbox',
    (mta) => {
      const scenarios = scenariosFor(mta);
      expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
      for (const row of REPLIES.filter((r) => isTransient(r.code))) {
        const scenario = scenarios.find((s) => s.name === `remote-${row.local}`);
        expect(scenario?.notices.map((n) => n.action)).toEqual(['delayed', 'failed']);
        // A full mailbox stays mailboxfull after the retries (reason README, precedence); the rest expire.
        expect(scenario?.notices[1]?.reason).toBe(row.reason === 'mailboxfull' ? 'mailboxfull' : 'expired');
      }
    },
  );
});

describe('the remote MX and the catcher over real SMTP', () => {
  let remote: RemoteMx;
  let catcher: Catcher;
  const dir = mkdtempSync(join(tmpdir(), 'bounce-lab-test-'));

  beforeAll(async () => {
    remote = await startRemoteMx({ port: 0 });
    catcher = await startCatcher(0, dir);
  });
  afterAll(async () => {
    await remote.close();
    await catcher.close();
  });

  const send = (port: number, to: string, text = 'hello') =>
    createTransport({ host: '127.0.0.1', port, ignoreTLS: true }).sendMail({
      from: 'rep@sender.test',
      to,
      subject: 'lab test',
      text,
    });

  it.each([
    ['gmail-nosuchuser@gmail.test', 550, 'NoSuchUser'],
    ['ms-notfound@outlook.test', 550, 'RESOLVER.ADR.RecipientNotFound'],
    ['gmail-outofstorage@gmail.test', 452, 'out of storage space'],
    ['gmail-spam@gmail.test', 550, 'likely unsolicited mail'],
    ['ms-toobig@outlook.test', 552, 'Message size exceeds'],
  ])('answers %s with %i and its provider wording', async (to, code, words) => {
    const refusal = await send(remote.port, to).catch(
      (error: { responseCode: number; response: string }) => error,
    );
    expect(refusal).toMatchObject({ responseCode: code });
    expect((refusal as { response: string }).response).toContain(words);
  });

  it('accepts a local part it has no row for', async () => {
    await send(remote.port, 'anyone@corp.test');
    expect(remote.accepted).toContain('anyone@corp.test');
  });

  it('keeps what it caught byte for byte, in memory and on disk', async () => {
    await send(catcher.port, 'rep@sender.test', 'caught body\r\n..a dot-stuffed line');
    await catcher.waitUntil((notices) => notices.length === 1, 5000);
    const [notice] = catcher.notices;
    expect(notice?.raw.toString()).toContain('caught body\r\n..a dot-stuffed line');
    expect(readFileSync(join(dir, '1.eml'))).toEqual(notice?.raw);
  });
});
