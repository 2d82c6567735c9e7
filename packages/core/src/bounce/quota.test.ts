import { describe, expect, it } from 'vitest';
import { buildBounceMessage } from './message';
import { findQuotaSignal } from './quota';

const notice = (body: string) => buildBounceMessage(`From: mailer@example.com\nSubject: notice\n\n${body}\n`);

// One sentence per alternative of each signal, in the case a notice might write it: the cheap
// prefilter in front of the alternations must let every one of them through.
describe('findQuotaSignal', () => {
  it.each([
    ['You have reached a limit for sending mail.', 'gmail'],
    ['Daily user sending limit exceeded.', 'gmail'],
    ['DAILY SENDING QUOTA EXCEEDED', 'gmail'],
    ['550 5.7.233 Message rejected', 'exchange'],
    ['Your tenant has exceeded its daily outbound limit', 'exchange'],
    ['Your tenant exceeded the hourly rate', 'exchange'],
    ['External Recipient Rate Limit reached', 'exchange'],
    ['550 5.1.90 Your message cannot be sent', 'exchange'],
    ['Message rate limit exceeded', 'exchange'],
    ['The sender exceeded its daily recipient rate', 'exchange'],
    ['Sending quota has been exceeded', 'exchange'],
    ['Submission quota reached', 'exchange'],
    ['STOREDRV.Submission.Exception:SubmissionQuotaExceededException', 'exchange'],
    ['550 5.7.708 Service unavailable', 'exchange'],
    ['550 5.7.705 Tenant has exceeded threshold', 'exchange'],
    ['Access denied, traffic not accepted from this IP', 'exchange'],
  ])('%s → %s', async (sentence, provider) => {
    const signal = findQuotaSignal(await notice(sentence));
    expect(signal?.provider).toBe(provider);
    expect(signal?.detail).toBe(sentence);
  });

  it.each([
    'The recipient mailbox is over its storage limit: a message too big?',
    'User unknown in virtual mailbox table',
    '550 5.7.1 Message rejected as spam',
  ])('no signal: %s', async (sentence) => {
    // The first one names a limit (the prefilter passes) but no sending quota.
    expect(findQuotaSignal(await notice(sentence))).toBeNull();
  });
});
