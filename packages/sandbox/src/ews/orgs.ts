/**
 * The Exchange organisations the sandbox's EWS stands in for, one per deployment kind Sendwell must
 * tell apart. What each answers is taken from real servers:
 * - on-premises: IIS on Exchange 2016/2019 answers an anonymous request 401 with one
 *   `WWW-Authenticate` per enabled scheme (Negotiate, NTLM, and Basic with the realm the admin set);
 *   every SOAP answer carries `ServerVersionInfo` (Exchange 2019 CU14 = 15.2.1544.4, schema
 *   V2017_07_11; Exchange 2016 CU23 = 15.1.2507.x).
 * - exchange-online: outlook.office365.com answers 401 with a Bearer challenge whose trusted issuer is
 *   Entra's token service for every tenant (`00000001-0000-0000-c000-000000000000@*`) and
 *   `Basic Realm=""`, and refuses Basic since October 2022 (the retirement of Basic authentication in
 *   Exchange Online); its front and back end servers name themselves in `X-FEServer`/`X-BEServer`
 *   (names like `AM0PR10CA0035`, `BY2PR19MB0149`); SOAP answers report 15.20.x, schema V2018_01_08
 *   (Microsoft Remote Connectivity Analyzer traces; Thunderbird's EWS test server, whose templates
 *   are trimmed Exchange Online answers).
 * - hybrid: an on-premises server with Hybrid Modern Authentication sends clients to Entra: its 401
 *   adds a Bearer challenge with `trusted_issuers="00000001-…@<tenant id>"` and
 *   `authorization_uri="https://login.windows.net/common/oauth2/authorize"` (Get-AuthServer EvoSts with
 *   IsDefaultAuthorizationEndpoint), and mailboxes may live in Exchange Online.
 */
export type EwsDeployment = 'on-premises' | 'exchange-online' | 'hybrid';

export interface EwsUser {
  id: string;
  address: string;
  name: string;
  /** Down-level logon name, `DOMAIN\user`. */
  username: string;
  /** User principal name, also accepted for Basic. */
  upn: string;
  password: string;
}

export interface ServerVersion {
  major: number;
  minor: number;
  build: number;
  revision: number;
  schema: string;
}

export interface EwsOrg {
  id: string;
  deployment: EwsDeployment;
  host: string;
  version: ServerVersion;
  /** Each `WWW-Authenticate` value of a 401, in the order IIS sends them. */
  challenges: string[];
  /** Whether Basic credentials are checked at all (Exchange Online refuses every Basic request). */
  acceptsBasic: boolean;
  /** Headers on every answer (front/back end server names, IIS). */
  headers: Record<string, string>;
  users: EwsUser[];
}

const IIS = { server: 'Microsoft-IIS/10.0', 'x-powered-by': 'ASP.NET', 'x-aspnet-version': '4.0.30319' };
const EVOSTS = '00000001-0000-0000-c000-000000000000';
const EXCHANGE_APP = '00000002-0000-0ff1-ce00-000000000000';
const TAILSPIN_TENANT = '4e8d1c2a-7b3f-4a9e-b6d5-2f1c0e9a8b74';

export const EWS_ORGS: readonly EwsOrg[] = [
  {
    id: 'northwind',
    deployment: 'on-premises',
    host: 'mail.northwind.test',
    version: { major: 15, minor: 2, build: 1544, revision: 4, schema: 'V2017_07_11' },
    challenges: ['Negotiate', 'NTLM', 'Basic realm="mail.northwind.test"'],
    acceptsBasic: true,
    headers: { ...IIS, 'x-feserver': 'NWEX01', 'x-beserver': 'NWEX02' },
    users: [
      {
        id: 'rio',
        address: 'rio@northwind.test',
        name: 'Rio Santos',
        username: 'NORTHWIND\\rio',
        upn: 'rio@northwind.test',
        password: 'Northwind-Rio-2019!',
      },
      {
        id: 'kai',
        address: 'kai@northwind.test',
        name: 'Kai Lund',
        username: 'NORTHWIND\\kai',
        upn: 'kai@northwind.test',
        password: 'Northwind-Kai-2019!',
      },
    ],
  },
  {
    id: 'tailspin',
    deployment: 'hybrid',
    host: 'mail.tailspin.test',
    version: { major: 15, minor: 1, build: 2507, revision: 39, schema: 'V2017_07_11' },
    challenges: [
      `Bearer client_id="${EXCHANGE_APP}", trusted_issuers="${EVOSTS}@${TAILSPIN_TENANT}", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.windows.net/common/oauth2/authorize"`,
      'Negotiate',
      'NTLM',
      'Basic realm="mail.tailspin.test"',
    ],
    acceptsBasic: true,
    headers: { ...IIS, 'x-feserver': 'TSEX01', 'x-beserver': 'TSEX01' },
    users: [
      {
        id: 'ada',
        address: 'ada@tailspin.test',
        name: 'Ada Moreau',
        username: 'TAILSPIN\\ada',
        upn: 'ada@tailspin.test',
        password: 'Tailspin-Ada-2016!',
      },
    ],
  },
  {
    id: 'litware',
    deployment: 'exchange-online',
    host: 'outlook.office365.com',
    version: { major: 15, minor: 20, build: 7452, revision: 50, schema: 'V2018_01_08' },
    challenges: [
      `Bearer client_id="${EXCHANGE_APP}", trusted_issuers="${EVOSTS}@*", token_types="app_asserted_user_v1 service_asserted_app_v1", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"`,
      'Basic Realm=""',
    ],
    acceptsBasic: false,
    headers: {
      server: 'Microsoft-IIS/10.0',
      'x-feserver': 'AM0PR10CA0035',
      'x-beserver': 'DB9PR07MB7801',
      'x-calculatedbetarget': 'DB9PR07MB7801.eurprd07.prod.outlook.com',
      'x-proxy-routingcorrectness': '1',
    },
    users: [
      {
        id: 'lee',
        address: 'lee@litware.test',
        name: 'Lee Okafor',
        username: 'lee@litware.test',
        upn: 'lee@litware.test',
        password: 'Litware-Lee-Online!',
      },
    ],
  },
];

/** The user whose Basic credentials these are (DOMAIN\user or UPN, case-insensitive), or undefined. */
export function authenticate(org: EwsOrg, username: string, password: string): EwsUser | undefined {
  const name = username.toLowerCase();
  return org.users.find(
    (u) => (u.username.toLowerCase() === name || u.upn.toLowerCase() === name) && u.password === password,
  );
}
