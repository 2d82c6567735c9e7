import { classifySmtpReply, PLAINTEXT_SMTP_REFUSAL } from '@sendwell/core';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSmtp, type SmtpCheckStepName, sendTestEmail } from './smtpCheck';
import { startTestSmtpServer, type TestSmtpServer, type TestSmtpServerOptions } from './smtpTesting';
import type { SmtpEndpoint } from './smtpTransport';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serverAt(options: TestSmtpServerOptions = {}) {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

const endpoint = (port: number, overrides: Partial<SmtpEndpoint> = {}): SmtpEndpoint => ({
  host: '127.0.0.1',
  port,
  security: 'starttls',
  username: 'rep',
  allowSelfSigned: true,
  ...overrides,
});

const stepsOf = (report: { steps: { step: SmtpCheckStepName; ok: boolean }[] }) =>
  report.steps.map((s) => `${s.step}:${s.ok ? 'ok' : 'failed'}`);

describe('checkSmtp', () => {
  it.each<[string, TestSmtpServerOptions, Partial<SmtpEndpoint>, string, string[]]>([
    ['STARTTLS + AUTH', {}, {}, 'secret', ['connect:ok', 'ehlo:ok', 'tls:ok', 'auth:ok']],
    [
      'implicit TLS + AUTH',
      { secure: true },
      { security: 'tls' },
      'secret',
      ['connect:ok', 'tls:ok', 'ehlo:ok', 'auth:ok'],
    ],
    [
      'loopback relay without TLS or login',
      { noStartTls: true, noAuth: true },
      { security: 'none' },
      'secret',
      ['connect:ok', 'ehlo:ok', 'tls:ok', 'auth:ok'],
    ],
    ['wrong password', {}, {}, 'wrong', ['connect:ok', 'ehlo:ok', 'tls:ok', 'auth:failed']],
    [
      'self-signed certificate not allowed (TLS)',
      { secure: true },
      { security: 'tls', allowSelfSigned: false },
      'secret',
      ['connect:ok', 'tls:failed'],
    ],
    [
      'self-signed certificate not allowed (STARTTLS)',
      {},
      { allowSelfSigned: false },
      'secret',
      ['connect:ok', 'ehlo:ok', 'tls:failed'],
    ],
    [
      'STARTTLS required but not offered',
      { noStartTls: true },
      {},
      'secret',
      ['connect:ok', 'ehlo:ok', 'tls:failed'],
    ],
    [
      'encrypted server that offers no login',
      { noAuth: true },
      {},
      'secret',
      ['connect:ok', 'ehlo:ok', 'tls:ok', 'auth:failed'],
    ],
  ])('%s', async (_name, serverOptions, overrides, password, expected) => {
    const server = await serverAt(serverOptions);
    const report = await checkSmtp(endpoint(server.port, overrides), password);
    expect(stepsOf(report)).toEqual(expected);
    expect(report.ok).toBe(expected.every((s) => s.endsWith(':ok')));
    for (const step of report.steps) expect(step.detail).not.toBe('');
  });

  it('reports what the server offers: DSN, SIZE and the EHLO keywords', async () => {
    const server = await serverAt({ size: 10 * 1024 * 1024 });
    const report = await checkSmtp(endpoint(server.port), 'secret');
    expect(report.dsn).toBe(true);
    expect(report.size).toBe(10 * 1024 * 1024);
    expect(report.extensions).toEqual(
      expect.arrayContaining(['PIPELINING', 'DSN', `SIZE ${10 * 1024 * 1024}`]),
    );
  });

  it('says when the server takes no DSN requests and gives no size', async () => {
    const server = await serverAt({ hideDSN: true });
    const report = await checkSmtp(endpoint(server.port), 'secret');
    expect(report).toMatchObject({ ok: true, dsn: false, size: null });
  });

  it("names the server's refusal of the password", async () => {
    const server = await serverAt();
    const report = await checkSmtp(endpoint(server.port), 'wrong');
    const expected = classifySmtpReply({
      code: 535,
      enhanced: '5.7.8',
      text: 'Authentication credentials invalid',
    });
    expect(report.steps.at(-1)).toEqual({ step: 'auth', ok: false, detail: expected.detail });
  });

  it('reports a server that is not there as a failed connect', async () => {
    const server = await startTestSmtpServer();
    await server.close();
    const report = await checkSmtp(endpoint(server.port), 'secret');
    expect(stepsOf(report)).toEqual(['connect:failed']);
    expect(report.steps[0]?.detail).toContain(`127.0.0.1:${server.port}`);
  });

  it("reports a greeting refusal as a failed connect, in the server's words", async () => {
    const server = await serverAt({ refuseConnection: { code: 554, text: '5.7.1 No SMTP service here' } });
    const report = await checkSmtp(endpoint(server.port), 'secret');
    expect(stepsOf(report)).toEqual(['connect:failed']);
    expect(report.steps[0]?.detail).toContain('554 5.7.1 No SMTP service here');
  });

  it('refuses plain text to a host off this machine without connecting', async () => {
    const report = await checkSmtp(endpoint(25, { host: 'smtp.example.com', security: 'none' }), 'secret');
    expect(report).toEqual({
      ok: false,
      steps: [{ step: 'connect', ok: false, detail: PLAINTEXT_SMTP_REFUSAL }],
      extensions: [],
      dsn: false,
      size: null,
    });
  });
});

describe('sendTestEmail', () => {
  it('delivers one message from the given sender to the given recipient', async () => {
    const server = await serverAt();
    const result = await sendTestEmail(endpoint(server.port), 'secret', {
      from: 'ava@contoso.test',
      to: 'ava@contoso.test',
    });
    expect(result).toEqual({ status: 'submitted' });
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]).toMatchObject({ mailFrom: 'ava@contoso.test', user: 'rep' });
    expect(server.messages[0]?.raw).toContain('Subject: Sendwell test email');
  });

  it('answers a refused password as a failed result, not an exception', async () => {
    const server = await serverAt();
    const result = await sendTestEmail(endpoint(server.port), 'wrong', {
      from: 'ava@contoso.test',
      to: 'bob@fabrikam.test',
      subject: 'Channel check',
    });
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(server.messages).toHaveLength(0);
  });
});
