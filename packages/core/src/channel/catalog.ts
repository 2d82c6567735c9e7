import type { ChannelKind, ProviderKind } from './types';

/**
 * The delivery-channel catalog (the seed's "delivery channel overview"), as pure decisions: which
 * channels a rep may pick for web and campaign sends, what each one warns about, and which SMTP hosts
 * are refused. Add-in sends never consult it: they are forced onto the native mailbox
 * (`resolveChannel`).
 */

/** Who a custom SMTP channel belongs to; `hosted` is a legacy Sendwell server run by the operator. */
export type ChannelScope = 'personal' | 'team' | 'hosted';

/** STARTTLS on a plain port (587), implicit TLS (465), or none (loopback only). */
export type SmtpSecurity = 'starttls' | 'tls' | 'none';

/** Optional per-channel limits an admin sets for their SMTP server; they feed the throttle planner. */
export interface SmtpLimits {
  perMinute?: number;
  perHour?: number;
  perDay?: number;
  recipientsPerDay?: number;
}

/** How Sendwell reaches an SMTP server (the password lives in the vault, never here). */
export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  limits?: SmtpLimits;
  /** Accept a self-signed certificate: for a test server on loopback, shown as a warning. */
  allowSelfSigned?: boolean;
}

/** Words every legacy hosted channel carries, wherever it is shown (the seed's warning). */
export const LEGACY_WARNING =
  'No DKIM or SPF: lower deliverability, shared IPs. Connect your Gmail or Outlook mailbox for the best deliverability.';

/** The seed's reason Marketo's marketing email servers cannot be a sales channel. */
export const MARKETO_REFUSAL =
  "Marketo's marketing email servers do not integrate with Sendwell: they are optimised for bulk marketing delivery, and Gmail and Exchange have a higher success rate for 1:1 sales email. Connect your mailbox or use another SMTP server.";

export const NATIVE_SMTP_REFUSAL = (provider: 'Gmail' | 'Microsoft 365') =>
  `${provider}'s SMTP server cannot be used as a custom channel: use the email connection instead (connect your ${provider === 'Gmail' ? 'Gmail' : 'Outlook'} mailbox), which sends natively and tracks bounces.`;

export type SmtpHostRefusal =
  | { code: 'marketo-marketing-server'; message: string }
  | { code: 'use-email-connection'; provider: 'gmail' | 'microsoft'; message: string };

/** Marketo Engage's sending and branding domains (its SPF include and documented allowlist). */
const MARKETO_DOMAINS = ['mktomail.com', 'marketo.com', 'mktoweb.com', 'marketodesigner.com', 'mktdns.com'];
/** Gmail / Google Workspace SMTP endpoints (submission and relay). */
const GOOGLE_SMTP = ['smtp.gmail.com', 'smtp-relay.gmail.com', 'aspmx.l.google.com', 'googlemail.com'];
/** Microsoft 365 / Outlook.com SMTP endpoints. */
const MICROSOFT_SMTP = [
  'smtp.office365.com',
  'smtp-mail.outlook.com',
  'outlook.office365.com',
  'mail.protection.outlook.com',
];

const withinDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Null when `host` may be a custom SMTP channel; otherwise why not, in the seed's words. */
export function checkSmtpHost(rawHost: string): SmtpHostRefusal | null {
  const host = rawHost.trim().toLowerCase().replace(/\.$/, '');
  if (MARKETO_DOMAINS.some((d) => withinDomain(host, d)))
    return { code: 'marketo-marketing-server', message: MARKETO_REFUSAL };
  if (GOOGLE_SMTP.some((d) => withinDomain(host, d)))
    return { code: 'use-email-connection', provider: 'gmail', message: NATIVE_SMTP_REFUSAL('Gmail') };
  if (MICROSOFT_SMTP.some((d) => withinDomain(host, d)))
    return {
      code: 'use-email-connection',
      provider: 'microsoft',
      message: NATIVE_SMTP_REFUSAL('Microsoft 365'),
    };
  return null;
}

/** Hosts whose traffic never leaves the machine: the only ones an unencrypted SMTP channel may use. */
export function isLoopbackHost(rawHost: string): boolean {
  const host = rawHost
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const PLAINTEXT_SMTP_REFUSAL =
  'SMTP without encryption is only allowed to a server on this machine (localhost or 127.0.0.1): elsewhere the password and every email would cross the network readable. Choose STARTTLS (usually port 587) or TLS (usually port 465).';

/** Null when `security` may be used with `host`; otherwise why not. */
export function checkSmtpSecurity(
  host: string,
  security: SmtpSecurity,
): { code: 'plaintext-smtp'; message: string } | null {
  return security === 'none' && !isLoopbackHost(host)
    ? { code: 'plaintext-smtp', message: PLAINTEXT_SMTP_REFUSAL }
    : null;
}

/** Whether the inbox scanner can see this channel's bounces, and the sentence that says why (not). */
export interface BounceTracking {
  available: boolean;
  reason: string;
}

/**
 * Bounce notices go to the envelope sender, which is always the rep's own address: they land in the
 * rep's inbox whatever channel sent the email, so the scanner finds them when that inbox is connected
 * to Graph or the Gmail API. Exchange Server (EWS) mailboxes are not scanned.
 */
export function bounceTrackingFor(kind: ChannelKind, scannedInbox: ProviderKind | null): BounceTracking {
  if (kind === 'exchange' || kind === 'gmail')
    return {
      available: true,
      reason: 'Bounces are found in your inbox and reported in analytics and the live feed.',
    };
  if (kind === 'exchange-server')
    return {
      available: false,
      reason:
        'Bounce tracking is not available for Exchange Server mailboxes: Sendwell cannot scan an on-premises inbox.',
    };
  if (scannedInbox === 'exchange' || scannedInbox === 'gmail')
    return {
      available: true,
      reason: 'Bounce notices come back to your own address; Sendwell finds them in your connected inbox.',
    };
  return {
    available: false,
    reason:
      'Bounce tracking is not available for this channel: its bounce notices go to your own address, and your inbox is not connected to Sendwell. Connect your Gmail or Outlook mailbox to track them.',
  };
}

/** One channel a rep can see in the catalog. */
export interface CatalogEntry {
  /** The lane's id (a mailbox row); null for a legacy hosted channel not yet used by this rep. */
  id: string | null;
  kind: ChannelKind;
  scope: ChannelScope | 'native';
  label: string;
  recommended: boolean;
  /** Always set for legacy hosted channels. */
  warning: string | null;
  /** Whether a web or campaign send may use it now (a native mailbox must be connected). */
  selectable: boolean;
  chosen: boolean;
  teamDefault: boolean;
  bounceTracking: BounceTracking;
}

export interface CatalogInput {
  legacyAccount: boolean;
  /** The team admin's switch: whether legacy accounts see the legacy hosted servers at all. */
  legacyVisible: boolean;
  /** Whether this Sendwell has a legacy hosted server configured. */
  legacyHostedConfigured: boolean;
  native: { id: string; provider: ProviderKind; label: string; connected: boolean }[];
  smtp: { id: string; kind: 'custom-smtp' | 'legacy-hosted'; scope: ChannelScope; label: string }[];
  chosenId: string | null;
  teamDefaultId: string | null;
}

/** The name of the legacy hosted channel, wherever it is listed. */
export const LEGACY_LABEL = 'Sendwell servers (legacy)';

/** The channels a rep sees, recommended first; legacy hosted ones only for legacy accounts. */
export function channelCatalog(input: CatalogInput): CatalogEntry[] {
  const scanned = input.native.find((n) => n.connected && n.provider !== 'exchange-server')?.provider ?? null;
  const entry = (e: Omit<CatalogEntry, 'chosen' | 'teamDefault' | 'bounceTracking'>): CatalogEntry => ({
    ...e,
    chosen: e.id !== null && e.id === input.chosenId,
    teamDefault: e.id !== null && e.id === input.teamDefaultId,
    bounceTracking: bounceTrackingFor(e.kind, scanned),
  });
  const native = input.native.map((n) =>
    entry({
      id: n.id,
      kind: n.provider,
      scope: 'native',
      label: n.label,
      recommended: true,
      warning: null,
      selectable: n.connected,
    }),
  );
  const legacyShown = input.legacyAccount && input.legacyVisible;
  const smtp = input.smtp
    .filter((s) => s.kind === 'custom-smtp' || legacyShown)
    .map((s) =>
      entry({
        id: s.id,
        kind: s.kind,
        scope: s.scope,
        label: s.label,
        recommended: false,
        warning: s.kind === 'legacy-hosted' ? LEGACY_WARNING : null,
        selectable: true,
      }),
    );
  const hostedUnused =
    legacyShown && input.legacyHostedConfigured && !input.smtp.some((s) => s.kind === 'legacy-hosted');
  const hosted = hostedUnused
    ? [
        entry({
          id: null,
          kind: 'legacy-hosted',
          scope: 'hosted',
          label: LEGACY_LABEL,
          recommended: false,
          warning: LEGACY_WARNING,
          selectable: true,
        }),
      ]
    : [];
  return [...native, ...smtp, ...hosted];
}

/**
 * Which lane a web or campaign send uses: the rep's chosen channel, else the team default, else the
 * recommended native mailbox. Null when none of them can send.
 */
export function webChannelId(input: CatalogInput): string | null {
  const usable = channelCatalog(input).filter((e) => e.selectable && e.id !== null);
  const pick = (id: string | null) => usable.find((e) => e.id === id)?.id ?? null;
  return pick(input.chosenId) ?? pick(input.teamDefaultId) ?? usable.find((e) => e.recommended)?.id ?? null;
}
