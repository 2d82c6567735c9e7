import { describe, expect, it } from 'vitest';
import {
  bounceTrackingFor,
  type CatalogInput,
  channelCatalog,
  checkSmtpHost,
  checkSmtpSecurity,
  isLoopbackHost,
  LEGACY_WARNING,
  MARKETO_REFUSAL,
  NATIVE_SMTP_REFUSAL,
  PLAINTEXT_SMTP_REFUSAL,
  type SmtpSecurity,
  webChannelId,
} from './catalog';
import type { ChannelKind, ProviderKind } from './types';

describe('checkSmtpHost', () => {
  it.each([
    ['mx.mktomail.com', 'marketo-marketing-server', MARKETO_REFUSAL],
    ['MKTOMAIL.COM.', 'marketo-marketing-server', MARKETO_REFUSAL],
    ['  smtp.marketo.com ', 'marketo-marketing-server', MARKETO_REFUSAL],
    ['smtp.gmail.com', 'use-email-connection', NATIVE_SMTP_REFUSAL('Gmail')],
    ['smtp-relay.gmail.com', 'use-email-connection', NATIVE_SMTP_REFUSAL('Gmail')],
    ['aspmx.l.google.com', 'use-email-connection', NATIVE_SMTP_REFUSAL('Gmail')],
    ['smtp.office365.com', 'use-email-connection', NATIVE_SMTP_REFUSAL('Microsoft 365')],
    ['contoso-com.mail.protection.outlook.com', 'use-email-connection', NATIVE_SMTP_REFUSAL('Microsoft 365')],
  ])('refuses %s (%s)', (host, code, message) => {
    expect(checkSmtpHost(host)).toMatchObject({ code, message });
  });

  it.each([
    'smtp.sendgrid.net',
    'mail.contoso.test',
    // Only whole labels match: a look-alike domain is somebody else's server.
    'notmktomail.com',
    'gmail.com.example.net',
    '127.0.0.1',
  ])('accepts %s', (host) => {
    expect(checkSmtpHost(host)).toBeNull();
  });

  it('names the provider whose email connection to use', () => {
    expect(checkSmtpHost('smtp.gmail.com')).toMatchObject({ provider: 'gmail' });
    expect(checkSmtpHost('smtp-mail.outlook.com')).toMatchObject({ provider: 'microsoft' });
  });
});

describe('checkSmtpSecurity', () => {
  it.each<[string, SmtpSecurity, boolean]>([
    ['127.0.0.1', 'none', true],
    ['127.8.9.10', 'none', true],
    ['localhost', 'none', true],
    ['[::1]', 'none', true],
    ['smtp.example.com', 'none', false],
    ['10.0.0.5', 'none', false],
    ['127.0.0.1.example.com', 'none', false],
    ['smtp.example.com', 'starttls', true],
    ['smtp.example.com', 'tls', true],
  ])('%s with %s: allowed %s', (host, security, allowed) => {
    expect(checkSmtpSecurity(host, security)).toEqual(
      allowed ? null : { code: 'plaintext-smtp', message: PLAINTEXT_SMTP_REFUSAL },
    );
  });

  it('reads loopback hosts whatever their case', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
  });
});

describe('bounceTrackingFor', () => {
  it.each<[ChannelKind, ProviderKind | null, boolean]>([
    ['exchange', 'exchange', true],
    ['gmail', 'gmail', true],
    ['exchange-server', null, false],
    ['exchange-server', 'exchange-server', false],
    ['custom-smtp', 'gmail', true],
    ['custom-smtp', 'exchange', true],
    ['custom-smtp', 'exchange-server', false],
    ['custom-smtp', null, false],
    ['legacy-hosted', 'exchange', true],
    ['legacy-hosted', null, false],
  ])('%s with the inbox %s scanned: available %s', (kind, scanned, available) => {
    const tracking = bounceTrackingFor(kind, scanned);
    expect(tracking.available).toBe(available);
    expect(tracking.reason.length).toBeGreaterThan(20);
  });
});

const exchange = { id: 'mbx-ex', provider: 'exchange' as const, label: 'Exchange Online', connected: true };
const ews = {
  id: 'mbx-ews',
  provider: 'exchange-server' as const,
  label: 'Exchange Server',
  connected: true,
};
const personal = {
  id: 'smtp-me',
  kind: 'custom-smtp' as const,
  scope: 'personal' as const,
  label: 'My relay',
};
const team = { id: 'smtp-team', kind: 'custom-smtp' as const, scope: 'team' as const, label: 'Team relay' };
const hostedLane = {
  id: 'smtp-hosted',
  kind: 'legacy-hosted' as const,
  scope: 'hosted' as const,
  label: 'Sendwell servers (legacy)',
};

const input = (over: Partial<CatalogInput> = {}): CatalogInput => ({
  legacyAccount: false,
  legacyVisible: true,
  legacyHostedConfigured: true,
  native: [exchange],
  smtp: [personal, team],
  chosenId: null,
  teamDefaultId: null,
  ...over,
});

const ids = (i: CatalogInput) => channelCatalog(i).map((e) => e.id);

describe('channelCatalog', () => {
  it.each<[string, Partial<CatalogInput>, (string | null)[]]>([
    ['a rep sees native first, then custom SMTP', {}, ['mbx-ex', 'smtp-me', 'smtp-team']],
    ['no legacy for an account not flagged legacy', { smtp: [personal, hostedLane] }, ['mbx-ex', 'smtp-me']],
    [
      'a legacy account sees the unused hosted server',
      { legacyAccount: true },
      ['mbx-ex', 'smtp-me', 'smtp-team', null],
    ],
    [
      'a legacy account sees its hosted lane once',
      { legacyAccount: true, smtp: [hostedLane] },
      ['mbx-ex', 'smtp-hosted'],
    ],
    ['hidden by the admin', { legacyAccount: true, legacyVisible: false, smtp: [hostedLane] }, ['mbx-ex']],
    [
      'no hosted server configured',
      { legacyAccount: true, legacyHostedConfigured: false, smtp: [] },
      ['mbx-ex'],
    ],
  ])('%s', (_, over, expected) => {
    expect(ids(input(over))).toEqual(expected);
  });

  it('recommends only the email connection and warns on every legacy entry', () => {
    const catalog = channelCatalog(input({ legacyAccount: true, smtp: [personal] }));
    expect(catalog.map((e) => [e.kind, e.recommended, e.warning])).toEqual([
      ['exchange', true, null],
      ['custom-smtp', false, null],
      ['legacy-hosted', false, LEGACY_WARNING],
    ]);
  });

  it('marks the chosen channel and the team default', () => {
    const catalog = channelCatalog(input({ chosenId: 'smtp-me', teamDefaultId: 'smtp-team' }));
    expect(catalog.map((e) => [e.id, e.chosen, e.teamDefault])).toEqual([
      ['mbx-ex', false, false],
      ['smtp-me', true, false],
      ['smtp-team', false, true],
    ]);
  });

  it('offers an unconnected mailbox without letting it be picked', () => {
    const [entry] = channelCatalog(input({ native: [{ ...exchange, connected: false }] }));
    expect(entry).toMatchObject({ id: 'mbx-ex', selectable: false });
  });

  it('tracks SMTP bounces only through a scanned inbox', () => {
    const tracking = (native: CatalogInput['native']) =>
      channelCatalog(input({ native })).find((e) => e.id === 'smtp-me')?.bounceTracking.available;
    expect(tracking([exchange])).toBe(true);
    expect(tracking([ews])).toBe(false);
    expect(tracking([{ ...exchange, connected: false }])).toBe(false);
  });
});

describe('webChannelId', () => {
  it.each<[string, Partial<CatalogInput>, string | null]>([
    ['the chosen channel', { chosenId: 'smtp-me', teamDefaultId: 'smtp-team' }, 'smtp-me'],
    ['the team default when nothing is chosen', { teamDefaultId: 'smtp-team' }, 'smtp-team'],
    [
      'the team default when the chosen one is gone',
      { chosenId: 'smtp-deleted', teamDefaultId: 'smtp-team' },
      'smtp-team',
    ],
    ['the email connection otherwise', {}, 'mbx-ex'],
    [
      'the email connection when the chosen legacy lane is hidden',
      { legacyAccount: true, legacyVisible: false, smtp: [hostedLane], chosenId: 'smtp-hosted' },
      'mbx-ex',
    ],
    [
      'the legacy lane for a legacy account that chose it',
      { legacyAccount: true, smtp: [hostedLane], chosenId: 'smtp-hosted' },
      'smtp-hosted',
    ],
    [
      'not an unconnected mailbox, even chosen',
      { native: [{ ...exchange, connected: false }], smtp: [], chosenId: 'mbx-ex' },
      null,
    ],
    ['nothing at all', { native: [], smtp: [] }, null],
  ])('%s', (_, over, expected) => {
    expect(webChannelId(input(over))).toBe(expected);
  });
});
