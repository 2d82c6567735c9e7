import type { Sandbox } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChallenges, type ServerVersionInfo } from '../mailboxes/ewsSoap';
import { serveSandbox } from '../mailboxes/ewsTesting';
import {
  cloudSignal,
  type ExchangeServerInput,
  probeExchangeServer,
  versionKind,
  versionName,
} from './exchangeServer';

// The probe against the sandbox's EWS on loopback: each deployment it must accept or refuse.
let sandbox: Sandbox;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ sandbox, close } = await serveSandbox());
});
afterAll(() => close());

const user = (orgId: string) => sandbox.ews.orgs.find((o) => o.id === orgId)!.users[0]!;
const credentials = (orgId: string): ExchangeServerInput => ({
  ewsUrl: sandbox.ews.url(orgId),
  username: user(orgId).username,
  password: user(orgId).password,
});

describe('probeExchangeServer against the sandbox EWS', () => {
  it('accepts an on-premises Exchange 2019 and names its version and schemes', async () => {
    expect(await probeExchangeServer({ ...credentials('northwind'), address: 'rio@northwind.test' })).toEqual(
      {
        kind: 'on-premises',
        version: 'Exchange Server 2019 (15.2.1544.4)',
        authSchemes: ['Negotiate', 'NTLM', 'Basic'],
      },
    );
  });

  it.each<[string, () => ExchangeServerInput, string]>([
    ['Exchange Online', () => credentials('litware'), 'exchange-online'],
    ['a hybrid deployment', () => credentials('tailspin'), 'hybrid'],
    [
      'a wrong password',
      () => ({ ...credentials('northwind'), password: 'Northwind-Rio-2018!' }),
      'bad-credentials',
    ],
    [
      'plain HTTP to a host other than loopback',
      () => ({ ...credentials('northwind'), ewsUrl: 'http://mail.northwind.test/EWS/Exchange.asmx' }),
      'not-https',
    ],
    [
      'an address that is not EWS',
      () => ({ ...credentials('northwind'), ewsUrl: sandbox.ews.url('nowhere') }),
      'unrecognised',
    ],
    [
      'something that is not a URL',
      () => ({ ...credentials('northwind'), ewsUrl: 'mail.northwind.test' }),
      'unrecognised',
    ],
    [
      'a port nobody listens on',
      () => ({ ...credentials('northwind'), ewsUrl: 'http://127.0.0.1:1/EWS/Exchange.asmx' }),
      'unreachable',
    ],
    [
      "a colleague's mailbox",
      () => ({ ...credentials('northwind'), address: 'kai@northwind.test' }),
      'mailbox-mismatch',
    ],
  ])('refuses %s', async (_case, input, reason) => {
    const probe = await probeExchangeServer(input());
    expect(probe).toMatchObject({ kind: 'refused', reason });
    if (probe.kind === 'refused') expect(probe.message).not.toContain(input().password);
  });

  it('sends Exchange Online users to Microsoft 365, which tracks bounces', async () => {
    const probe = await probeExchangeServer(credentials('litware'));
    expect(probe.kind === 'refused' && probe.message).toBe(
      'This address is Exchange Online; connect with Microsoft 365 instead, which also tracks bounces.',
    );
  });
});

const version = (major: number, minor: number, build = 0): ServerVersionInfo => ({
  major,
  minor,
  build,
  revision: 0,
  schema: null,
});

describe('what the answers say about the deployment', () => {
  it.each([
    [version(15, 2, 1544), 'on-premises'],
    [version(15, 1, 2507), 'on-premises'],
    [version(15, 0, 1497), 'on-premises'],
    [version(15, 20, 7452), 'exchange-online'],
    [version(16, 0), 'exchange-online'],
    [version(14, 3, 513), 'too-old'],
    [null, 'unknown'],
  ] as const)('version %o is %s', (info, kind) => {
    expect(versionKind(info)).toBe(kind);
  });

  it.each([
    [version(15, 2, 1544), 'Exchange Server 2019 (15.2.1544.0)'],
    [version(15, 2, 2562), 'Exchange Server Subscription Edition (15.2.2562.0)'],
    [version(15, 1, 2507), 'Exchange Server 2016 (15.1.2507.0)'],
  ])('names %o %s', (info, name) => {
    expect(versionName(info)).toBe(name);
  });

  const headers = (entries: Record<string, string> = {}) => new Headers(entries);
  it.each([
    [
      'Exchange Online’s challenge',
      'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@*", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", Basic Realm=""',
      headers(),
      'exchange-online',
    ],
    [
      'a hybrid server’s challenge',
      'Bearer client_id="00000002-0000-0ff1-ce00-000000000000", trusted_issuers="00000001-0000-0000-c000-000000000000@4e8d1c2a-7b3f-4a9e-b6d5-2f1c0e9a8b74", authorization_uri="https://login.windows.net/common/oauth2/authorize", Negotiate, NTLM',
      headers(),
      'hybrid',
    ],
    [
      'Exchange Online’s server names',
      'Basic realm=""',
      headers({ 'x-feserver': 'LV8P223CA0012', 'x-beserver': 'BY2PR19MB0149' }),
      'exchange-online',
    ],
    [
      'an on-premises server',
      'Negotiate, NTLM, Basic realm="mail.northwind.test"',
      headers({ 'x-feserver': 'NWEX01' }),
      null,
    ],
  ])('%s', (_case, challenge, answerHeaders, signal) => {
    expect(cloudSignal(parseChallenges(challenge), answerHeaders)).toBe(signal);
  });

  it('reads each scheme out of joined WWW-Authenticate headers, Bearer parameters and all', () => {
    const schemes = parseChallenges(
      'Bearer a="x, y", token_types="p q", Negotiate, NTLM, Basic realm="r"',
    ).map((c) => c.scheme);
    expect(schemes).toEqual(['Bearer', 'Negotiate', 'NTLM', 'Basic']);
  });
});
