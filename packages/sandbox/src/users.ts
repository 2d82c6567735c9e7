/** The fixed demo people of the sandbox. Ids are stable so tests, e2e and the seed can name them. */
export type SandboxProvider = 'exchange' | 'gmail';

export interface SandboxUser {
  id: string;
  email: string;
  name: string;
  provider: SandboxProvider;
  /** Entra ID tenant id (GUID) for Exchange users; the Workspace customer id for Gmail users. */
  tenantId: string;
  /** Display name of the tenant/domain, e.g. `contoso`. */
  tenantName: string;
  /** Id of the user's one mailbox in the sandbox. */
  mailboxId: string;
  /** A rep still on the old hosted account (channel resolution treats them differently). */
  legacy: boolean;
  /** Entra object id (`oid`) or Google account id (`sub`). */
  subject: string;
  /**
   * Whether the demo seed connects this user's mailbox in process (the rep "connected once"). False
   * for the people who start without a connection and go through the consent page themselves.
   */
  connected: boolean;
}

const CONTOSO_TENANT = '7f3c1e52-9d4a-4b6e-8a21-3c5d0f9b1a10';
const FABRIKAM_TENANT = 'c1a9e0d4-2b7f-4e35-9f68-5d2a7b4c8e01';
const ACME_CUSTOMER = 'C03acme1x';

export const DEMO_USERS: readonly SandboxUser[] = [
  {
    id: 'ava',
    email: 'ava@contoso.test',
    name: 'Ava Reyes',
    provider: 'exchange',
    tenantId: CONTOSO_TENANT,
    tenantName: 'contoso',
    mailboxId: 'mbx-ava',
    legacy: false,
    subject: '0b6d2f7e-4c1a-4f0e-9a3b-7e2d5c8f1a01',
    connected: true,
  },
  {
    id: 'eli',
    email: 'eli@contoso.test',
    name: 'Eli Novak',
    provider: 'exchange',
    tenantId: CONTOSO_TENANT,
    tenantName: 'contoso',
    mailboxId: 'mbx-eli',
    legacy: false,
    subject: '0b6d2f7e-4c1a-4f0e-9a3b-7e2d5c8f1a02',
    connected: true,
  },
  {
    id: 'lou',
    email: 'lou@fabrikam.test',
    name: 'Lou Park',
    provider: 'exchange',
    tenantId: FABRIKAM_TENANT,
    tenantName: 'fabrikam',
    mailboxId: 'mbx-lou',
    legacy: true,
    subject: '5e1c9a7b-3d2f-4b8e-a6c0-1f4e7d9b2c03',
    connected: true,
  },
  {
    id: 'gus',
    email: 'gus@acme.test',
    name: 'Gus Ibarra',
    provider: 'gmail',
    tenantId: ACME_CUSTOMER,
    tenantName: 'acme',
    mailboxId: 'mbx-gus',
    legacy: false,
    subject: '104857392018374650021',
    connected: true,
  },
  {
    id: 'ivy',
    email: 'ivy@acme.test',
    name: 'Ivy Chen',
    provider: 'gmail',
    tenantId: ACME_CUSTOMER,
    tenantName: 'acme',
    mailboxId: 'mbx-ivy',
    legacy: false,
    subject: '104857392018374650022',
    connected: true,
  },
  {
    id: 'nia',
    email: 'nia@contoso.test',
    name: 'Nia Okafor',
    provider: 'exchange',
    tenantId: CONTOSO_TENANT,
    tenantName: 'contoso',
    mailboxId: 'mbx-nia',
    legacy: false,
    subject: '0b6d2f7e-4c1a-4f0e-9a3b-7e2d5c8f1a04',
    connected: false,
  },
  {
    id: 'max',
    email: 'max@acme.test',
    name: 'Max Lindqvist',
    provider: 'gmail',
    tenantId: ACME_CUSTOMER,
    tenantName: 'acme',
    mailboxId: 'mbx-max',
    legacy: false,
    subject: '104857392018374650024',
    connected: false,
  },
];

/**
 * `count` more people for benches that need many mailboxes (`benchPeople(20)`): alternately Exchange
 * Online in contoso (`rep01@contoso.test`) and Gmail in acme (`rep02@acme.test`), none connected
 * in process. Deterministic, so every process that generates them agrees on ids and subjects.
 */
export function benchPeople(count: number): SandboxUser[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    const exchange = i % 2 === 0;
    const id = `rep${n}`;
    return {
      id,
      email: `${id}@${exchange ? 'contoso' : 'acme'}.test`,
      name: `Rep ${n}`,
      provider: exchange ? 'exchange' : 'gmail',
      tenantId: exchange ? CONTOSO_TENANT : ACME_CUSTOMER,
      tenantName: exchange ? 'contoso' : 'acme',
      mailboxId: `mbx-${id}`,
      legacy: false,
      subject: exchange
        ? `9a0c4e1b-6f2d-4c8a-b5e7-${n.padStart(12, '0')}`
        : `2048573920183746${n.padStart(5, '0')}`,
      connected: false,
    };
  });
}

export function findUser(users: readonly SandboxUser[], idOrEmail: string): SandboxUser | undefined {
  const key = idOrEmail.toLowerCase();
  return users.find((u) => u.id === key || u.email === key);
}
