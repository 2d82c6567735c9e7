import { describe, expect, it } from 'vitest';
import { classifySmtpReply, describeSmtpReply, parseSmtpReply, type SmtpReply } from './smtpReply';

describe('classifySmtpReply', () => {
  it.each<[string, SmtpReply, string]>([
    [
      '421 service not available',
      { code: 421, enhanced: '4.3.2', text: 'System not accepting network messages' },
      'retry',
    ],
    ['450 mailbox busy', { code: 450, enhanced: '4.2.1', text: 'Mailbox unavailable' }, 'retry'],
    ['451 local error', { code: 451, enhanced: '4.3.0', text: 'Local error in processing' }, 'retry'],
    [
      '452 too many recipients (not a rate)',
      { code: 452, enhanced: '4.5.3', text: 'Too many recipients' },
      'retry',
    ],
    ['452 storage without enhanced code', { code: 452, text: 'Insufficient system storage' }, 'retry'],
    [
      '421 4.7.0 too many connections',
      { code: 421, enhanced: '4.7.0', text: 'Too many connections, slow down' },
      'throttled',
    ],
    [
      '451 4.7.1 rate limited',
      { code: 451, enhanced: '4.7.1', text: 'Sender rate limit exceeded' },
      'throttled',
    ],
    [
      '450 4.7.500 server busy',
      { code: 450, enhanced: '4.7.500', text: 'Server busy, please try again later' },
      'throttled',
    ],
    [
      '4.7.x without rate words',
      { code: 450, enhanced: '4.7.1', text: 'Client host rejected: greylisted' },
      'retry',
    ],
    [
      '550 5.4.5 daily quota',
      { code: 550, enhanced: '5.4.5', text: 'Daily user sending limit exceeded' },
      'throttled',
    ],
    [
      '535 5.7.8 bad credentials',
      { code: 535, enhanced: '5.7.8', text: 'Authentication credentials invalid' },
      'auth',
    ],
    ['535 without enhanced code', { code: 535, text: 'Authentication failed' }, 'auth'],
    [
      '5.7.8 under another code',
      { code: 554, enhanced: '5.7.8', text: 'Error: authentication failed' },
      'auth',
    ],
    ['530 auth required', { code: 530, enhanced: '5.7.0', text: 'Authentication required' }, 'auth'],
    [
      '530 must STARTTLS is no password problem',
      { code: 530, enhanced: '5.7.0', text: 'Must issue a STARTTLS command first' },
      'permanent',
    ],
    ['550 5.1.1 user unknown', { code: 550, enhanced: '5.1.1', text: 'User unknown' }, 'permanent'],
    ['554 transaction failed', { code: 554, text: 'Transaction failed' }, 'permanent'],
    [
      '552 message too big',
      { code: 552, enhanced: '5.3.4', text: 'Message size exceeds fixed limit' },
      'permanent',
    ],
    [
      'enhanced 4 wins over basic 5',
      { code: 550, enhanced: '4.2.2', text: 'Mailbox full, try later' },
      'retry',
    ],
    ['enhanced 5 wins over basic 4', { code: 450, enhanced: '5.1.1', text: 'No such user' }, 'permanent'],
    [
      'enhanced 4.7 rate wins over basic 5',
      { code: 550, enhanced: '4.7.1', text: 'Rate limit exceeded' },
      'throttled',
    ],
    [
      'enhanced 4 under 535 is not a password refusal',
      { code: 535, enhanced: '4.7.0', text: 'Temporary authentication failure' },
      'retry',
    ],
    ['no reply at all', { code: 0, text: 'Connection closed' }, 'retry'],
  ])('%s', (_name, reply, outcome) => {
    const result = classifySmtpReply(reply);
    expect(result.outcome).toBe(outcome);
    expect(result.detail).toContain(describeSmtpReply(reply));
  });

  it('backs off longer for a used-up daily quota than for a rate limit', () => {
    const rate = classifySmtpReply({ code: 451, enhanced: '4.7.1', text: 'rate limited' });
    const quota = classifySmtpReply({ code: 550, enhanced: '5.4.5', text: 'Daily sending quota exceeded' });
    if (rate.outcome !== 'throttled' || quota.outcome !== 'throttled') throw new Error('both are throttled');
    expect(quota.retryAfterSeconds).toBeGreaterThan(rate.retryAfterSeconds);
  });
});

describe('parseSmtpReply', () => {
  it.each<[string, SmtpReply | null]>([
    ['550 5.1.1 User unknown', { code: 550, enhanced: '5.1.1', text: 'User unknown' }],
    ['535 Authentication failed', { code: 535, text: 'Authentication failed' }],
    [
      '421-4.7.0 Too many\r\n421 4.7.0 connections',
      { code: 421, enhanced: '4.7.0', text: 'Too many connections' },
    ],
    ['250', { code: 250, text: '' }],
    ['not an smtp reply', null],
    ['', null],
  ])('%j', (raw, expected) => {
    expect(parseSmtpReply(raw)).toEqual(expected);
  });
});
