/**
 * Contract test between the sandbox notices and @sendwell/core's bounce engine: every notice the
 * sandbox delivers must be read by parseBounce as the bounce it stands for. A failure here names the
 * notice and the field parseBounce got wrong, so it is clear which side has to change.
 */
import { parseBounce } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { buildExchangeNdr } from './exchangeNdr';
import { sampleNoticeInput } from './fixtures';
import { buildGmailDsn } from './gmailDsn';
import type { NoticeRecipient } from './types';

type Case = [
  label: string,
  build: typeof buildGmailDsn,
  fate: NoticeRecipient['fate'],
  action: string,
  status: string,
  hard: boolean,
];

const CASES: Case[] = [
  ['Gmail hard bounce', buildGmailDsn, 'hard-bounce', 'failed', '5.1.1', true],
  ['Gmail mailbox full', buildGmailDsn, 'soft-bounce', 'failed', '4.2.2', false],
  ['Gmail delay', buildGmailDsn, 'delay', 'delayed', '4.4.1', false],
  ['Exchange hard bounce', buildExchangeNdr, 'hard-bounce', 'failed', '5.1.10', true],
  ['Exchange mailbox full', buildExchangeNdr, 'soft-bounce', 'failed', '5.2.2', false],
  ['Exchange delay', buildExchangeNdr, 'delay', 'delayed', '4.4.7', false],
];

describe('parseBounce reads the sandbox notices', () => {
  it.each(CASES)('%s', async (label, build, fate, action, status, hard) => {
    const sender = build === buildGmailDsn ? 'gus@acme.test' : 'ava@contoso.test';
    const raw = build(
      sampleNoticeInput(
        fate === 'delay' ? 'delay' : 'failure',
        [{ address: 'pat@bounce.test', fate }],
        sender,
      ),
    );
    const report = await parseBounce(raw);
    const where = `parseBounce on the sandbox's ${label} notice`;
    expect(report.kind, `${where}: kind`).toBe('bounce');
    expect(
      report.recipients.map((r) => r.address),
      `${where}: recipients`,
    ).toEqual(['pat@bounce.test']);
    const [recipient] = report.recipients;
    expect(recipient?.action, `${where}: action`).toBe(action);
    expect(recipient?.status, `${where}: status`).toBe(status);
    expect(Boolean(recipient?.hard), `${where}: hard (hard bounce vs soft/delay)`).toBe(hard);
    expect(report.originalMessageId, `${where}: original Message-ID`).toBe('sw-1a2b3c@sendwell.test');
    expect(report.originalHeaders?.['x-sendwell-id'], `${where}: original X-Sendwell-Id`).toBe('snd_42');
  });

  it.each([
    ['Gmail', buildGmailDsn],
    ['Exchange', buildExchangeNdr],
  ] as const)(
    "%s's delay notice says until when it retries, and parseBounce reads it",
    async (_name, build) => {
      const input = sampleNoticeInput('delay', [{ address: 'pat@delay.test', fate: 'delay' }]);
      const [recipient] = (await parseBounce(build(input))).recipients;
      const retryUntil = new Date(recipient?.retryUntil ?? NaN);
      // Both providers keep trying for about two days after the send.
      expect(retryUntil.getTime() - input.sentAt.getTime()).toBe(48 * 3600_000);
    },
  );

  it("Gmail's daily-limit bounce carries a sending-quota signal", async () => {
    const raw = buildGmailDsn(
      sampleNoticeInput('failure', [{ address: 'pat@example.test', fate: 'sending-limit' }]),
    );
    const report = await parseBounce(raw);
    expect(
      report.quotaSignal?.provider,
      "parseBounce on the sandbox's Gmail sending-limit bounce: quotaSignal.provider",
    ).toBe('gmail');
  });
});
