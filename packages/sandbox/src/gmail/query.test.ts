import { describe, expect, it } from 'vitest';
import { compileQuery, type SearchView } from './query';

const now = new Date('2026-01-10T12:00:00Z');
const dsn: SearchView = {
  from: 'mail delivery subsystem <mailer-daemon@googlemail.com>',
  to: 'gus@acme.test',
  cc: '',
  subject: 'delivery status notification (failure)',
  text: 'delivery status notification (failure) address not found pat@bounce.test',
  labelIds: ['UNREAD', 'INBOX'],
  receivedAt: new Date('2026-01-10T11:00:00Z'),
  messageId: 'abc.GMR@mx.google.com',
};
const oldSent: SearchView = {
  from: 'gus ibarra <gus@acme.test>',
  to: 'pat@bounce.test',
  cc: 'ivy@acme.test',
  subject: 'quick question',
  text: 'quick question hello pat',
  labelIds: ['SENT'],
  receivedAt: new Date('2026-01-01T09:00:00Z'),
  messageId: 'sw-1@sendwell.test',
};

describe('compileQuery', () => {
  it.each([
    ['', true, true],
    ['from:mailer-daemon', true, false],
    ['from:mailer-daemon@googlemail.com subject:"Delivery Status Notification"', true, false],
    ['in:inbox', true, false],
    ['in:sent', false, true],
    ['in:anywhere', true, true],
    ['newer_than:1d', true, false],
    ['older_than:2d', false, true],
    ['"address not found"', true, false],
    ['"not found address"', false, false],
    ['rfc822msgid:<sw-1@sendwell.test>', false, true],
    ['rfc822msgid:sw-1@sendwell.test in:sent', false, true],
    ['(from:mailer-daemon OR from:postmaster) newer_than:7d', true, false],
    ['from:(mailer-daemon OR gus)', true, true],
    ['{subject:quick subject:delivery}', true, true],
    ['-in:inbox', false, true],
    ['to:ivy', false, true],
    ['after:2026/01/05', true, false],
    ['before:1767600000', false, true],
    ['subject:"quick question" OR "address not found"', true, true],
    ['pat', true, true],
    ['is:unread', true, false],
  ])('%j matches dsn=%s sent=%s', (q, matchesDsn, matchesSent) => {
    const matcher = compileQuery(q, now);
    expect(matcher(dsn)).toBe(matchesDsn);
    expect(matcher(oldSent)).toBe(matchesSent);
  });
});
