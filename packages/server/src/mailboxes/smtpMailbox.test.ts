import {
  classifySmtpReply,
  MailboxAuthError,
  type OutgoingMessage,
  PLAINTEXT_SMTP_REFUSAL,
} from '@sendwell/core';
import { afterEach, describe, expect, it } from 'vitest';
import { SENDWELL_HEADER } from './sentFolder';
import {
  SMTP_HANDED_OVER_UNCERTAIN,
  SmtpHasNoInboxError,
  SmtpMailbox,
  type SmtpMailboxOptions,
} from './smtpMailbox';
import {
  type SmtpRefusal,
  startTestSmtpServer,
  type TestSmtpServer,
  type TestSmtpServerOptions,
} from './smtpTesting';
import type { SmtpEndpoint } from './smtpTransport';

const open: { server: TestSmtpServer; mailbox: SmtpMailbox }[] = [];
afterEach(async () => {
  for (const { server, mailbox } of open.splice(0)) {
    await mailbox.close();
    await server.close();
  }
});

async function lane(
  serverOptions: TestSmtpServerOptions = {},
  endpoint: Partial<SmtpEndpoint> = {},
  extra: Partial<SmtpMailboxOptions> = {},
) {
  const server = await startTestSmtpServer(serverOptions);
  let passwordReads = 0;
  const mailbox = new SmtpMailbox({
    settings: {
      host: '127.0.0.1',
      port: server.port,
      security: 'starttls',
      username: 'rep',
      allowSelfSigned: true,
      ...endpoint,
    },
    password: async () => {
      passwordReads++;
      return 'secret';
    },
    address: 'ava@contoso.test',
    ...extra,
  });
  open.push({ server, mailbox });
  return { server, mailbox, passwordReads: () => passwordReads };
}

let counter = 0;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter++;
  return {
    sendwellId: `send-${counter}`,
    messageId: `msg-${counter}@contoso.test`,
    from: 'ava@contoso.test',
    to: ['bob@fabrikam.test'],
    subject: `Hello ${counter}`,
    html: '<p>Hi Bob</p>',
    ...overrides,
  };
}

/** A header's value as received (header names are case-insensitive). */
const header = (raw: string, name: string) =>
  raw
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();

describe('SmtpMailbox send', () => {
  it.each<[string, TestSmtpServerOptions, Partial<SmtpEndpoint>]>([
    ['STARTTLS + AUTH', {}, { security: 'starttls' }],
    ['implicit TLS + AUTH (self-signed allowed)', { secure: true }, { security: 'tls' }],
    ['no TLS on loopback', { noStartTls: true }, { security: 'none' }],
  ])('%s: the envelope sender is the rep, with our headers', async (_name, serverOptions, endpoint) => {
    const { server, mailbox } = await lane(serverOptions, endpoint);
    const sent = message({ cc: ['cy@fabrikam.test'], bcc: ['dee@fabrikam.test'] });
    expect(await mailbox.send(sent)).toEqual({ status: 'submitted' });
    const [received] = server.messages;
    expect(received?.user).toBe('rep');
    expect(received?.mailFrom).toBe(sent.from);
    expect(received?.rcptTo.map((r) => r.address)).toEqual([
      'bob@fabrikam.test',
      'cy@fabrikam.test',
      'dee@fabrikam.test',
    ]);
    const raw = received?.raw ?? '';
    expect(header(raw, 'Message-ID')).toBe(`<${sent.messageId}>`);
    expect(header(raw, SENDWELL_HEADER)).toBe(sent.sendwellId);
    expect(header(raw, 'From')).toBe(sent.from);
    expect(header(raw, 'Bcc')).toBeUndefined();
  });

  it('a reply in a thread carries In-Reply-To and References; a campaign email its one-click unsubscribe', async () => {
    const { server, mailbox } = await lane({}, { security: 'starttls' });
    const sent = message({
      inReplyTo: 'two@sendwell.local',
      references: ['one@sendwell.local'],
      listUnsubscribeUrl: 'https://sendwell.example/u/tok',
    });
    expect(await mailbox.send(sent)).toMatchObject({ status: 'submitted' });
    const raw = server.messages[0]?.raw ?? '';
    expect(header(raw, 'In-Reply-To')).toBe('<two@sendwell.local>');
    expect(header(raw, 'References')).toBe('<one@sendwell.local> <two@sendwell.local>');
    expect(header(raw, 'List-Unsubscribe')).toBe('<https://sendwell.example/u/tok>');
    expect(header(raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('asks for DSN (failure and delay, headers only, our id) when the server advertises it', async () => {
    const { server, mailbox } = await lane();
    const sent = message();
    await mailbox.send(sent);
    const [received] = server.messages;
    expect(received?.mailFromArgs).toMatchObject({ RET: 'HDRS', ENVID: sent.sendwellId });
    expect(received?.rcptTo[0]?.args).toMatchObject({ NOTIFY: 'FAILURE,DELAY' });
  });

  it('sends no DSN parameters to a server that does not advertise DSN', async () => {
    const { server, mailbox } = await lane({ hideDSN: true });
    expect((await mailbox.send(message())).status).toBe('submitted');
    const [received] = server.messages;
    expect(received?.mailFromArgs).not.toHaveProperty('RET');
    expect(received?.mailFromArgs).not.toHaveProperty('ENVID');
    expect(received?.rcptTo[0]?.args).not.toHaveProperty('NOTIFY');
  });

  it('reuses one pooled connection for several sends', async () => {
    const { server, mailbox, passwordReads } = await lane();
    for (let i = 0; i < 3; i++) expect((await mailbox.send(message())).status).toBe('submitted');
    expect(server.messages).toHaveLength(3);
    expect(server.connections).toHaveLength(1);
    expect(passwordReads()).toBe(1);
  });

  it('a partial recipient reject is submitted, listing the refused recipient with its status', async () => {
    const refusal: SmtpRefusal = { code: 550, text: '5.1.1 User unknown' };
    const { server, mailbox } = await lane({
      refuseRecipient: (address) => (address === 'ghost@fabrikam.test' ? refusal : null),
    });
    const result = await mailbox.send(message({ to: ['bob@fabrikam.test', 'ghost@fabrikam.test'] }));
    expect(result).toEqual({
      status: 'submitted',
      rejected: [{ recipient: 'ghost@fabrikam.test', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' }],
    });
    expect(server.messages[0]?.rcptTo.map((r) => r.address)).toEqual(['bob@fabrikam.test']);
  });

  it.each<[string, 'rcpt' | 'data', SmtpRefusal]>([
    ['4xx at RCPT', 'rcpt', { code: 451, text: '4.3.0 Temporary lookup failure' }],
    ['5xx at RCPT', 'rcpt', { code: 550, text: '5.1.1 User unknown' }],
    ['4.7 rate limit at RCPT', 'rcpt', { code: 450, text: '4.7.1 Sender rate limit exceeded' }],
    ['4xx at DATA', 'data', { code: 452, text: '4.3.1 Insufficient system storage' }],
    ['5xx at DATA', 'data', { code: 554, text: '5.6.0 Message content rejected' }],
    ['4.7 rate limit at DATA', 'data', { code: 451, text: '4.7.0 Too many messages, slow down' }],
  ])('%s maps through classifySmtpReply', async (_name, where, refusal) => {
    const { server, mailbox } = await lane(
      where === 'rcpt' ? { refuseRecipient: () => refusal } : { refuseData: () => refusal },
    );
    const [enhanced = '', ...words] = refusal.text.split(' ');
    const expected = classifySmtpReply({ code: refusal.code, enhanced, text: words.join(' ') });
    const result = await mailbox.send(message());
    if (expected.outcome === 'throttled')
      expect(result).toMatchObject({ status: 'throttled', retryAfterSeconds: expected.retryAfterSeconds });
    else expect(result).toMatchObject({ status: 'failed', retryable: expected.outcome === 'retry' });
    expect(result).toHaveProperty('detail', expect.stringContaining(expected.detail));
    expect(server.messages).toHaveLength(0);
  });

  it('a refused password is a lost connection (password-rejected), and is read again next time', async () => {
    const { mailbox, passwordReads } = await lane({ credentials: { username: 'rep', password: 'other' } });
    const failure = await mailbox.send(message()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailboxAuthError);
    expect((failure as MailboxAuthError).problem).toBe('password-rejected');
    await mailbox.send(message()).catch(() => undefined);
    expect(passwordReads()).toBe(2);
  });

  it('refuses to send without encryption to a host off this machine', async () => {
    const { server, mailbox } = await lane({}, { host: 'smtp.example.com', security: 'none' });
    expect(await mailbox.send(message())).toEqual({
      status: 'failed',
      retryable: false,
      detail: PLAINTEXT_SMTP_REFUSAL,
    });
    expect(server.connections).toHaveLength(0);
  });

  it('fails (not retried blindly) when the certificate is self-signed and not allowed', async () => {
    const { mailbox } = await lane({ secure: true }, { security: 'tls', allowSelfSigned: false });
    expect(await mailbox.send(message())).toMatchObject({ status: 'failed', retryable: false });
  });

  it('STARTTLS is required: a server that does not offer it gets nothing', async () => {
    const { server, mailbox } = await lane({ noStartTls: true }, { security: 'starttls' });
    expect(await mailbox.send(message())).toMatchObject({ status: 'failed' });
    expect(server.messages).toHaveLength(0);
  });

  it('a connection lost after the whole message went out is not retried (it may have been delivered)', async () => {
    const { mailbox } = await lane({ dropAfterData: true });
    expect(await mailbox.send(message())).toEqual({
      status: 'failed',
      retryable: false,
      detail: SMTP_HANDED_OVER_UNCERTAIN,
    });
  });

  it('a server that cannot be reached is retried later (nothing went out)', async () => {
    const { server, mailbox } = await lane();
    await server.close();
    const result = await mailbox.send(message());
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(result).not.toHaveProperty('detail', SMTP_HANDED_OVER_UNCERTAIN);
  });

  it("a message over the server's SIZE is refused for good, not retried", async () => {
    const { server, mailbox } = await lane({ size: 2_000 });
    const result = await mailbox.send(message({ html: `<p>${'x'.repeat(5_000)}</p>` }));
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(result).toHaveProperty('detail', expect.stringContaining('552'));
    expect(server.messages).toHaveLength(0);
  });

  it('has no inbox and no Sent folder', async () => {
    const { mailbox } = await lane();
    await expect(mailbox.listInboxChanges(null)).rejects.toBeInstanceOf(SmtpHasNoInboxError);
    await expect(mailbox.getRawMessage('x')).rejects.toBeInstanceOf(SmtpHasNoInboxError);
    expect(await mailbox.findSent('send-1')).toBe(false);
  });
});
