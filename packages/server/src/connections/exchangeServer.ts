import type { ConnectionInfo } from '@sendwell/core';
import {
  type Challenge,
  callEws,
  type EwsAnswer,
  type ServerVersionInfo,
  type XmlNode,
} from '../mailboxes/ewsSoap';
import type { UserRow } from '../store/rows';

export type ExchangeServerRefusal =
  | 'exchange-online'
  | 'hybrid'
  | 'unrecognised'
  | 'not-https'
  | 'bad-credentials'
  | 'unreachable'
  | 'basic-auth-disabled'
  | 'mailbox-mismatch';

export type ExchangeServerProbe =
  | { kind: 'on-premises'; version: string; authSchemes: string[] }
  | { kind: 'refused'; reason: ExchangeServerRefusal; message: string };

export interface ExchangeServerInput {
  ewsUrl: string;
  username: string;
  password: string;
  /** The mailbox to open; without it, the username's own. */
  address?: string;
}

export interface ProbeOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Entra ID's token service: in a Bearer challenge's trusted_issuers, `<id>@*` (every tenant) or `<id>@<tenant>`. */
const ENTRA_STS = '00000001-0000-0000-c000-000000000000';
/** Exchange Online's servers name themselves like AM0PR10CA0035, BY2PR19MB0149, LV8P223CA0012. */
const EXO_SERVER_NAME = /^[A-Z]{2}\d(?:PR\d{2}|P\d{3})(?:MB|CA|CU|DB)\d{4}$/;
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * What the 401 and the front-end headers say before any password is sent: Exchange Online trusts
 * Entra for every tenant; a hybrid on-premises server trusts it for one tenant (Hybrid Modern Auth).
 */
export function cloudSignal(challenges: Challenge[], headers: Headers): 'exchange-online' | 'hybrid' | null {
  const issuers = challenges
    .filter((c) => c.scheme.toLowerCase() === 'bearer')
    .flatMap((c) => /trusted_issuers="([^"]*)"/i.exec(c.params)?.[1]?.split(',') ?? [])
    .map((issuer) => issuer.trim().toLowerCase());
  if (issuers.includes(`${ENTRA_STS}@*`)) return 'exchange-online';
  const servers = [headers.get('x-feserver'), headers.get('x-beserver')].filter((n): n is string => !!n);
  if (servers.some((name) => EXO_SERVER_NAME.test(name.trim()))) return 'exchange-online';
  if (issuers.some((issuer) => issuer.startsWith(`${ENTRA_STS}@`))) return 'hybrid';
  return null;
}

/**
 * Exchange Server 2013/2016/2019 and Subscription Edition report 15.0–15.2; Exchange Online reports
 * 15.20 and up (schema V2018_01_08); 14.x and older are Exchange 2010 and before.
 */
export function versionKind(
  version: ServerVersionInfo | null,
): 'on-premises' | 'exchange-online' | 'too-old' | 'unknown' {
  if (!version) return 'unknown';
  if (version.major > 15 || (version.major === 15 && version.minor >= 20)) return 'exchange-online';
  if (version.major === 15 && version.minor <= 2) return 'on-premises';
  return version.major < 15 ? 'too-old' : 'unknown';
}

export function versionName(version: ServerVersionInfo): string {
  const numbers = `${version.major}.${version.minor}.${version.build}.${version.revision}`;
  const product =
    version.minor === 0
      ? 'Exchange Server 2013'
      : version.minor === 1
        ? 'Exchange Server 2016'
        : version.build >= 2562
          ? 'Exchange Server Subscription Edition'
          : 'Exchange Server 2019';
  return `${product} (${numbers})`;
}

/**
 * Plain HTTP only to a loopback host: Basic sends the password with every request, readable to
 * anyone on the path; on loopback it never leaves the machine (the sandbox and local tests).
 */
function acceptableUrl(raw: string): URL | 'not-https' | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) ? url : 'not-https';
}

const refuse = (reason: ExchangeServerRefusal, message: string): ExchangeServerProbe => ({
  kind: 'refused',
  reason,
  message,
});

const MESSAGES = {
  'exchange-online':
    'This address is Exchange Online; connect with Microsoft 365 instead, which also tracks bounces.',
  hybrid:
    'This Exchange Server works in a hybrid deployment with Exchange Online, which Sendwell does not support: sign-in goes through Microsoft 365 and mailboxes can move to the cloud. If your mailbox is in Exchange Online, connect with Microsoft 365 instead.',
  'not-https': 'The EWS address must start with https:// so your password is never sent unencrypted.',
  'bad-credentials':
    'Exchange Server did not accept this username and password. Use the sign-in of Outlook on the web: DOMAIN\\username or your user principal name.',
  'not-ews':
    'This address did not answer like Exchange Web Services. Check the EWS address; it usually ends in /EWS/Exchange.asmx.',
  'not-a-url':
    'The EWS address is not a web address; it looks like https://mail.example.com/EWS/Exchange.asmx.',
} as const;

const getFolder = (address: string | undefined): XmlNode => ({
  'm:GetFolder': {
    'm:FolderShape': { 't:BaseShape': 'IdOnly' },
    'm:FolderIds': {
      't:DistinguishedFolderId': {
        '@_Id': 'sentitems',
        ...(address ? { 't:Mailbox': { 't:EmailAddress': address } } : {}),
      },
    },
  },
});

/** One call; a network failure or timeout is "unreachable". */
async function reach(url: URL, call: Omit<Parameters<typeof callEws>[0], 'url'>): Promise<EwsAnswer | null> {
  try {
    return await callEws({ ...call, url: url.toString() });
  } catch {
    return null;
  }
}

/**
 * Is this an Exchange Server on-premises Sendwell can send through? First anonymously (the 401
 * names the schemes, and Exchange Online or a hybrid server gives itself away before we send any
 * password), then with Basic: GetFolder on Sent Items reports the version and proves the mailbox opens.
 */
export async function probeExchangeServer(
  input: ExchangeServerInput,
  options: ProbeOptions = {},
): Promise<ExchangeServerProbe> {
  const url = acceptableUrl(input.ewsUrl);
  if (url === null) return refuse('unrecognised', MESSAGES['not-a-url']);
  if (url === 'not-https') return refuse('not-https', MESSAGES['not-https']);
  const unreachable = () =>
    refuse(
      'unreachable',
      `Sendwell could not reach ${url.host}. Check the address, and that this Exchange Server is reachable from where Sendwell runs.`,
    );
  const call = {
    operation: getFolder(input.address),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const anonymous = await reach(url, { ...call, credentials: null });
  if (!anonymous) return unreachable();
  const before = judgeChallenge(anonymous);
  if (before.kind === 'refused') return before;
  const answer = await reach(url, {
    ...call,
    credentials: { username: input.username, password: input.password },
  });
  if (!answer) return unreachable();
  if (answer.kind === 'unauthorized') return refuse('bad-credentials', MESSAGES['bad-credentials']);
  if (answer.kind !== 'answer') return refuse('unrecognised', MESSAGES['not-ews']);
  return judgeAnswer(input, answer, before.authSchemes);
}

/** What the anonymous 401 already settles, before any password is sent: the cloud, and no Basic. */
function judgeChallenge(
  anonymous: EwsAnswer,
): ExchangeServerProbe | { kind: 'challenged'; authSchemes: string[] } {
  if (anonymous.kind !== 'unauthorized') return refuse('unrecognised', MESSAGES['not-ews']);
  const cloud = cloudSignal(anonymous.challenges, anonymous.headers);
  if (cloud) return refuse(cloud, MESSAGES[cloud]);
  const authSchemes = anonymous.challenges.map((c) => c.scheme);
  if (!authSchemes.some((s) => s.toLowerCase() === 'basic'))
    return refuse(
      'basic-auth-disabled',
      `This Exchange Server does not accept Basic authentication (it offers ${authSchemes.join(', ') || 'no scheme Sendwell knows'}). Ask your Exchange admin to enable Basic authentication on the EWS virtual directory; Sendwell only uses it over HTTPS.`,
    );
  return { kind: 'challenged', authSchemes };
}

function judgeAnswer(
  input: ExchangeServerInput,
  answer: Extract<EwsAnswer, { kind: 'answer' }>,
  authSchemes: string[],
): ExchangeServerProbe {
  const kind = versionKind(answer.version);
  if (kind === 'exchange-online' || cloudSignal([], answer.headers) === 'exchange-online')
    return refuse('exchange-online', MESSAGES['exchange-online']);
  if (kind === 'too-old')
    return refuse(
      'unrecognised',
      `This server runs Exchange ${answer.version!.major}.${answer.version!.minor} (Exchange 2010 or older), which Sendwell does not support; it needs Exchange Server 2016 or 2019.`,
    );
  if (kind === 'unknown' || !answer.version) return refuse('unrecognised', MESSAGES['not-ews']);
  const folder = answer.messages[0];
  if (folder && !folder.ok && ['ErrorAccessDenied', 'ErrorNonExistentMailbox'].includes(folder.code))
    return refuse(
      'mailbox-mismatch',
      `The username ${input.username} cannot open the mailbox ${input.address}. Enter the address of your own mailbox.`,
    );
  if (!folder?.ok) return refuse('unrecognised', MESSAGES['not-ews']);
  return { kind: 'on-premises', version: versionName(answer.version), authSchemes };
}

/** What the connection service offers for password connections (DESIGN7's ConnectionService). */
export interface PasswordConnections {
  connectWithPassword(
    user: UserRow,
    input: {
      provider: 'exchange-server';
      address: string;
      settings: Record<string, unknown>;
      password: string;
    },
  ): Promise<ConnectionInfo>;
}

export type ExchangeServerConnect =
  | { kind: 'connected'; connection: ConnectionInfo }
  | Extract<ExchangeServerProbe, { kind: 'refused' }>;

/** Probes, then saves the connection (password sealed by the vault; URL and username as settings). */
export async function connectExchangeServer(
  service: PasswordConnections,
  user: UserRow,
  input: Required<ExchangeServerInput>,
  options: ProbeOptions = {},
): Promise<ExchangeServerConnect> {
  const probe = await probeExchangeServer(input, options);
  if (probe.kind === 'refused') return probe;
  const connection = await service.connectWithPassword(user, {
    provider: 'exchange-server',
    address: input.address.toLowerCase(),
    settings: {
      ewsUrl: input.ewsUrl,
      username: input.username,
      authScheme: 'Basic',
      serverVersion: probe.version,
    },
    password: input.password,
  });
  return { kind: 'connected', connection };
}
