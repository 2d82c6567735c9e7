import { PLAINTEXT_SMTP_REFUSAL, type SmtpSecurity } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import {
  isConnectionFailure,
  isTlsFailure,
  plaintextRefusal,
  rejectedRecipients,
  type SmtpEndpoint,
  smtpConnectionOptions,
} from './smtpTransport';

const endpoint = (overrides: Partial<SmtpEndpoint> = {}): SmtpEndpoint => ({
  host: 'smtp.contoso.test',
  port: 587,
  security: 'starttls',
  username: 'ava',
  ...overrides,
});

/** Errors shaped the way nodemailer builds them (code, response, recipient). */
const nodemailerError = (fields: Record<string, unknown>) => Object.assign(new Error('failed'), fields);

describe('smtpConnectionOptions', () => {
  it.each<[SmtpSecurity, { secure: boolean; requireTLS: boolean; ignoreTLS: boolean; forceAuth: boolean }]>([
    ['starttls', { secure: false, requireTLS: true, ignoreTLS: false, forceAuth: true }],
    ['tls', { secure: true, requireTLS: false, ignoreTLS: false, forceAuth: true }],
    ['none', { secure: false, requireTLS: false, ignoreTLS: true, forceAuth: false }],
  ])('%s', (security, expected) => {
    expect(smtpConnectionOptions(endpoint({ security, host: '127.0.0.1' }), 'pw')).toMatchObject(expected);
  });

  it.each([
    [undefined, true],
    [false, true],
    [true, false],
  ])('allowSelfSigned %s → rejectUnauthorized %s', (allowSelfSigned, rejectUnauthorized) => {
    expect(smtpConnectionOptions(endpoint({ allowSelfSigned }), 'pw').tls).toMatchObject({
      rejectUnauthorized,
    });
  });
});

describe('plaintextRefusal', () => {
  it.each<[string, SmtpSecurity, string | null]>([
    ['smtp.contoso.test', 'none', PLAINTEXT_SMTP_REFUSAL],
    ['127.0.0.1', 'none', null],
    ['localhost', 'none', null],
    ['smtp.contoso.test', 'starttls', null],
    ['smtp.contoso.test', 'tls', null],
  ])('%s with %s', (host, security, expected) => {
    expect(plaintextRefusal(endpoint({ host, security }))).toBe(expected);
  });
});

describe('rejectedRecipients', () => {
  it.each<[string, Record<string, unknown>, { recipient: string; status: string; diagnostic: string }[]]>([
    [
      'enhanced code',
      { recipient: 'a@x.test', response: '550 5.1.1 User unknown' },
      [{ recipient: 'a@x.test', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }],
    ],
    [
      'basic 5xx only',
      { recipient: 'b@x.test', response: '550 No such user' },
      [{ recipient: 'b@x.test', status: '5.0.0', diagnostic: '550 No such user' }],
    ],
    [
      'temporary refusal',
      { recipient: 'c@x.test', response: '450 Mailbox busy' },
      [{ recipient: 'c@x.test', status: '4.0.0', diagnostic: '450 Mailbox busy' }],
    ],
    ['no recipient named', { response: '550 5.1.1 User unknown' }, []],
    ['no server reply', { recipient: 'd@x.test' }, []],
  ])('%s', (_name, fields, expected) => {
    expect(rejectedRecipients([nodemailerError(fields)])).toEqual(expected);
  });
});

describe('failure kinds', () => {
  it.each<[string, Record<string, unknown>, { connection: boolean; tls: boolean }]>([
    [
      'refused connection',
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
      { connection: true, tls: false },
    ],
    ['timeout', { code: 'ETIMEDOUT' }, { connection: true, tls: false }],
    [
      'dropped with a server reply',
      { code: 'ECONNECTION', response: '421 4.3.2 Bye', responseCode: 421 },
      { connection: false, tls: false },
    ],
    ['STARTTLS failed', { code: 'ETLS' }, { connection: false, tls: true }],
    [
      'self-signed certificate',
      { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      { connection: true, tls: true },
    ],
    [
      'bad login',
      { code: 'EAUTH', response: '535 5.7.8 nope', responseCode: 535 },
      { connection: false, tls: false },
    ],
  ])('%s', (_name, fields, expected) => {
    const error = nodemailerError(fields);
    expect({ connection: isConnectionFailure(error), tls: isTlsFailure(error) }).toEqual(expected);
  });
});
