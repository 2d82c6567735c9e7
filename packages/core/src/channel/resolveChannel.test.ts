import { describe, expect, it } from 'vitest';
import { type ChannelConfig, resolveChannel, type SenderIdentity } from './resolveChannel';

const exchange: ChannelConfig = {
  id: 'mbx-x',
  kind: 'exchange',
  address: 'ava@contoso.test',
  profileId: 'exchange-online',
  label: 'Exchange Online — your mailbox',
};
const gmail: ChannelConfig = {
  id: 'mbx-g',
  kind: 'gmail',
  address: 'ava@contoso.test',
  profileId: 'gmail-workspace',
  label: 'Gmail — your mailbox',
};
const smtp: ChannelConfig = {
  id: 'smtp-team',
  kind: 'custom-smtp',
  address: 'sales@contoso.test',
  profileId: 'custom-smtp',
  label: 'Team SMTP (smtp.contoso.test)',
};
const legacy: ChannelConfig = {
  id: 'legacy',
  kind: 'legacy-hosted',
  address: 'ava@contoso.test',
  profileId: 'custom-smtp',
  label: 'Legacy hosted server',
};

const identity = (defaultChannel: ChannelConfig | null, natives: ChannelConfig[]): SenderIdentity => ({
  defaultChannel,
  nativeMailboxes: Object.fromEntries(natives.map((c) => [c.kind, c])),
});

describe('resolveChannel', () => {
  it.each([
    ['outlook', identity(smtp, [exchange, gmail]), 'mbx-x', true],
    ['outlook', identity(legacy, [exchange]), 'mbx-x', true],
    ['outlook', identity(null, [exchange]), 'mbx-x', true],
    ['gmail', identity(smtp, [exchange, gmail]), 'mbx-g', true],
    ['gmail', identity(exchange, [exchange, gmail]), 'mbx-g', true],
    ['web', identity(smtp, [exchange, gmail]), 'smtp-team', false],
    ['web', identity(legacy, [exchange]), 'legacy', false],
  ] as const)('%s with default %j sends through %s', (host, who, channelId, forced) => {
    const decision = resolveChannel(host, who);
    expect(decision).toMatchObject({ outcome: 'resolved', forced, channel: { id: channelId } });
  });

  it('says which default channel a native send overrides', () => {
    const decision = resolveChannel('outlook', identity(smtp, [exchange]));
    expect(decision.outcome === 'resolved' && decision.explanation).toContain(
      'not your default channel (Team SMTP (smtp.contoso.test))',
    );
  });

  it.each([
    ['outlook', identity(smtp, [exchange]), { defaultChannel: { kind: 'custom-smtp', label: smtp.label } }],
    ['gmail', identity(legacy, [gmail]), { defaultChannel: { kind: 'legacy-hosted', label: legacy.label } }],
    ['outlook', identity(exchange, [exchange]), null],
    ['outlook', identity(null, [exchange]), null],
    ['gmail', identity(gmail, [gmail]), null],
    ['web', identity(smtp, [exchange]), null],
  ] as const)('%s with default %j reports the override as data: %j', (host, who, override) => {
    expect(resolveChannel(host, who)).toMatchObject({ outcome: 'resolved', override });
  });

  it.each([
    ['outlook', identity(smtp, [gmail]), 'no-native-mailbox'],
    ['gmail', identity(null, [exchange]), 'no-native-mailbox'],
    ['web', identity(null, [exchange]), 'no-default-channel'],
  ] as const)('%s is unavailable (never rerouted) for %j', (host, who, reason) => {
    expect(resolveChannel(host, who)).toMatchObject({ outcome: 'unavailable', reason });
  });
});
