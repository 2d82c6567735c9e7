import { describe, expect, it } from 'vitest';
import { parseBounce } from '../engine';
import { MAX_RECIPIENTS } from '../limits';
import { notice, originalTo } from './prose/fixtures/build';
import { LOOK_ALIKES, PROSE_BOUNCES } from './prose/fixtures/notices';

describe('prose fallback through the whole engine', () => {
  it.each(PROSE_BOUNCES)('%s', async (_name, raw, expected) => {
    const report = await parseBounce(raw);
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map((r) => r.address)).toEqual(expected.recipients);
    for (const r of report.recipients) expect(r.action).toBe(expected.action);
  });

  it.each(LOOK_ALIKES)('%s is not a bounce', async (_name, raw, kind) => {
    const report = await parseBounce(raw);
    expect(report.kind).toBe(kind);
  });
});

describe('addresses that are not failed recipients', () => {
  const body = (line: string) => `Delivery to the following recipient failed permanently:\n\n${line}\n`;
  it.each([
    ['a list request address', 'team-request@lists.example'],
    ['a list bounce address', 'team-bounces@lists.example'],
    ['a list owner (suffix)', 'team-owner@lists.example'],
    ['a list owner (prefix)', 'owner-team@lists.example'],
    ['the postmaster', 'postmaster@dest.example'],
    ['MAILER-DAEMON', 'MAILER-DAEMON@dest.example'],
    ['the original sender (To of the notice)', 'alice@sender.example'],
    ['a VERP return address', 'bounce-123-alice=sender.example@sender.example'],
  ])('%s is never reported from the prose', async (_name, address) => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      body: body(`  <${address}>\n  <bob@dest.example>`),
    });
    const report = await parseBounce(raw);
    expect(report.recipients.map((r) => r.address)).toEqual(['bob@dest.example']);
  });

  it("leaves out the Reply-To and the returned original's sender", async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      headers: ['Reply-To: noc@relay.example'],
      body: body('  noc@relay.example\n  owner@sender.example\n  bob@dest.example'),
      original: originalTo('bob@dest.example', ['Sender: owner@sender.example']),
    });
    const report = await parseBounce(raw);
    expect(report.recipients.map((r) => r.address)).toEqual(['bob@dest.example']);
  });

  it('takes the returned To only when it names exactly one address', async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      body: 'Your message could not be delivered: user unknown.',
      original: originalTo('bob@dest.example, carol@dest.example'),
    });
    expect((await parseBounce(raw)).kind).toBe('not-bounce');
  });
});

describe('reasons of prose notices', () => {
  it.each([
    [
      'GroupWise-style, no SMTP dialogue',
      'The message that you sent was undeliverable to the following:\n\tbob@dest.example (user not found)',
      'userunknown',
    ],
    [
      'with an SMTP answer after DATA, the classifier decides',
      'Delivery to bob@dest.example failed after end of data:\n550 5.7.1 Message rejected as spam',
      'spamdetected',
    ],
    [
      'German, no code',
      'Ihre Nachricht an bob@dest.example konnte nicht zugestellt werden.\nDas Postfach ist voll.',
      'mailboxfull',
    ],
    [
      'Portuguese, no code',
      'Não foi possível entregar a mensagem para bob@dest.example: usuário desconhecido.',
      'userunknown',
    ],
  ])('%s', async (_name, body, reason) => {
    const report = await parseBounce(
      notice({ from: 'MAILER-DAEMON@mx.relay.example', subject: 'Undeliverable', body }),
    );
    expect(report.recipients[0]?.reason).toBe(reason);
  });
});

describe('hostile notices finish with bounded output', () => {
  it('a megabyte of addresses next to a failure phrase', async () => {
    const many = Array.from({ length: 60_000 }, (_, i) => `u${i}@dest.example`).join(' ');
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      body: `Delivery failed for: ${many}`,
    });
    expect(raw.length).toBeGreaterThan(1_000_000);
    const report = await parseBounce(raw);
    expect(report.recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
    for (const r of report.recipients) expect(r.diagnostic?.length ?? 0).toBeLessThanOrEqual(2000);
  });

  it('100,000 failure phrases and no address', async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      body: 'could not be delivered\n'.repeat(100_000),
    });
    expect((await parseBounce(raw)).recipients).toEqual([]);
  });

  it('100,000 failure phrases on one line, each with an address', async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Unzustellbar',
      body: 'unzustellbar: <a@b.example> '.repeat(100_000),
    });
    const report = await parseBounce(raw);
    expect(report.recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
  });

  it('a line of "a@a@a@..." next to a failure phrase', async () => {
    const raw = notice({
      from: 'MAILER-DAEMON@mx.relay.example',
      subject: 'Undeliverable',
      body: `undeliverable ${'a@'.repeat(300_000)}example.com`,
    });
    const report = await parseBounce(raw);
    expect(report.recipients.length).toBeLessThanOrEqual(1);
  });
});
