import type { OutgoingMessage } from '@sendwell/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LegacySmtpConfig } from '../config/config';
import type { MailboxRow } from '../store/rows';
import { createMailboxPorts } from './ports';
import { startTestSmtpServer, type TestSmtpServer } from './smtpTesting';

const servers: TestSmtpServer[] = [];
let ports: ReturnType<typeof createMailboxPorts> | null = null;
afterEach(async () => {
  await ports?.closeAll();
  ports = null;
  for (const server of servers.splice(0)) await server.close();
});

const noProviders = { microsoft: null, google: null, policy: { microsoftTenants: [], googleDomains: [] } };

function portsWith(passwords: Record<string, string>, legacySmtp: LegacySmtpConfig | null = null) {
  ports = createMailboxPorts(
    noProviders,
    {
      accessTokenSource: () => async () => {
        throw new Error('SMTP lanes use no OAuth token');
      },
      passwordFor: async (id) => passwords[id] ?? '',
    },
    legacySmtp,
  );
  return ports;
}

function lane(overrides: Partial<MailboxRow>): MailboxRow {
  return {
    id: 'lane-1',
    userId: 'user-ava',
    provider: 'smtp',
    address: 'ava@contoso.test',
    profileId: 'custom-smtp',
    pausedUntil: null,
    pauseReason: null,
    scanCursor: null,
    channelKind: 'custom-smtp',
    scope: 'personal',
    tenantId: 'contoso',
    label: 'Contoso relay',
    ...overrides,
  };
}

const message = (n: number): OutgoingMessage => ({
  sendwellId: `send-${n}`,
  messageId: `msg-${n}@contoso.test`,
  from: 'ava@contoso.test',
  to: ['bob@fabrikam.test'],
  subject: 'Hello',
  html: '<p>Hi</p>',
});

const customRow = (port: number) =>
  lane({
    settings: {
      host: '127.0.0.1',
      port,
      security: 'starttls',
      username: 'relay-user',
      allowSelfSigned: true,
    },
  });

async function server(credentials: { username: string; password: string }) {
  const started = await startTestSmtpServer({ credentials });
  servers.push(started);
  return started;
}

describe("createMailboxPorts: case 'smtp'", () => {
  it('a custom lane sends through its stored settings with the vault password', async () => {
    const smtp = await server({ username: 'relay-user', password: 'vault-secret' });
    const row = lane({
      settings: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        username: 'relay-user',
        allowSelfSigned: true,
      },
    });
    const port = portsWith({ 'lane-1': 'vault-secret' }).mailboxFor(row);
    expect(port.provider).toBe('smtp');
    expect(await port.send(message(1))).toEqual({ status: 'submitted' });
    expect(smtp.messages[0]).toMatchObject({ user: 'relay-user', mailFrom: 'ava@contoso.test' });
  });

  it('a legacy hosted lane sends through the configured legacy server with its own login', async () => {
    const smtp = await server({ username: 'legacy', password: 'sandbox' });
    const legacy: LegacySmtpConfig = {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      username: 'legacy',
      password: 'sandbox',
    };
    const row = lane({ channelKind: 'legacy-hosted', scope: 'hosted', settings: null });
    const port = portsWith({}, legacy).mailboxFor(row);
    expect(await port.send(message(2))).toEqual({ status: 'submitted' });
    expect(smtp.messages[0]).toMatchObject({ user: 'legacy', mailFrom: 'ava@contoso.test' });
  });

  it.each<[string, Partial<MailboxRow>]>([
    ['a legacy lane when no legacy server is configured', { channelKind: 'legacy-hosted', scope: 'hosted' }],
    ['a custom lane whose stored settings are incomplete', { settings: { host: '127.0.0.1' } }],
  ])('%s refuses each send with the reason, without throwing', async (_name, overrides) => {
    const port = portsWith({}).mailboxFor(lane(overrides));
    const result = await port.send(message(3));
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(result).toHaveProperty('detail', expect.stringMatching(/\w/));
  });

  it('after a refused password, the next send reads the password from the vault again', async () => {
    const smtp = await server({ username: 'relay-user', password: 'new-secret' });
    const passwords = { 'lane-1': 'old-secret' };
    const mailboxPorts = portsWith(passwords);
    const port = mailboxPorts.mailboxFor(customRow(smtp.port));
    await expect(port.send(message(4))).rejects.toMatchObject({ problem: 'password-rejected' });
    passwords['lane-1'] = 'new-secret'; // the rep saved the right password
    expect(await port.send(message(5))).toEqual({ status: 'submitted' });
  });

  it("forget closes the lane's pooled connection; the next send opens a new one", async () => {
    const smtp = await server({ username: 'relay-user', password: 'secret' });
    const mailboxPorts = portsWith({ 'lane-1': 'secret' });
    expect(await mailboxPorts.mailboxFor(customRow(smtp.port)).send(message(6))).toEqual({
      status: 'submitted',
    });
    mailboxPorts.forget('lane-1');
    await vi.waitFor(() => expect(smtp.closed).toEqual(smtp.connections));
    expect(await mailboxPorts.mailboxFor(customRow(smtp.port)).send(message(7))).toEqual({
      status: 'submitted',
    });
    expect(smtp.connections).toHaveLength(2);
  });
});
