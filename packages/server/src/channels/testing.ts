import { randomBytes } from 'node:crypto';
import { type CreateSmtpChannel, ManualClock, silentLogger } from '@sendwell/core';
import type { LegacySmtpConfig } from '../config/config';
import { listAudit } from '../store/audit';
import { insertConnectedMailbox } from '../store/connections';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { upsertUser } from '../store/users';
import { createVault, type Vault } from '../vault/vault';
import { type ChannelService, createChannelService, type SmtpProbe } from './service';

/** The people of the channel tests: two teams, an admin and reps in each, one legacy account. */
const PEOPLE = {
  ava: { id: 'ava', email: 'ava@contoso.test', tenantId: 'contoso', role: 'admin', legacy: false },
  eli: { id: 'eli', email: 'eli@contoso.test', tenantId: 'contoso', role: 'rep', legacy: false },
  nia: { id: 'nia', email: 'nia@contoso.test', tenantId: 'contoso', role: 'rep', legacy: false },
  kim: { id: 'kim', email: 'kim@fabrikam.test', tenantId: 'fabrikam', role: 'admin', legacy: false },
  lou: { id: 'lou', email: 'lou@fabrikam.test', tenantId: 'fabrikam', role: 'rep', legacy: true },
} as const;
export type Person = keyof typeof PEOPLE;

export const user = (name: Person): UserRow => ({ ...PEOPLE[name], name, defaultChannel: null });

/** Eli and Lou have their Exchange Online mailbox connected; the others none. */
export async function seedPeople(db: Db, at: Date): Promise<void> {
  for (const name of Object.keys(PEOPLE) as Person[]) await upsertUser(db, user(name));
  for (const name of ['eli', 'lou'] as const)
    await insertConnectedMailbox(
      db,
      {
        id: `mbx-${name}`,
        userId: name,
        provider: 'exchange',
        address: PEOPLE[name].email,
        profileId: 'exchange-online',
        settings: null,
      },
      at,
    );
}

const LEGACY_SERVER: LegacySmtpConfig = {
  host: '127.0.0.1',
  port: 2599,
  security: 'none',
  username: 'legacy',
  password: 'legacy-password',
};

/** A probe for tests that must not talk SMTP: any call fails the test. */
const NO_SMTP: SmtpProbe = {
  check: () => Promise.reject(new Error('this test talks no SMTP')),
  sendTest: () => Promise.reject(new Error('this test talks no SMTP')),
};

export interface ChannelsTestbed {
  db: Db;
  clock: ManualClock;
  service: ChannelService;
  vault: Vault;
  forgotten: string[];
  wakes: { count: number };
}

export function channelsTestbed(
  db: Db,
  options: { smtp?: SmtpProbe; legacySmtp?: LegacySmtpConfig | null } = {},
): ChannelsTestbed {
  const clock = new ManualClock('2026-12-04T09:00:00Z');
  const forgotten: string[] = [];
  const wakes = { count: 0 };
  const vault = createVault([randomBytes(32)]);
  const service = createChannelService({
    db,
    clock,
    vault,
    logger: silentLogger,
    legacySmtp: options.legacySmtp === undefined ? LEGACY_SERVER : options.legacySmtp,
    smtp: options.smtp ?? NO_SMTP,
    forgetLane: (id) => forgotten.push(id),
    wakeSender: () => {
      wakes.count += 1;
    },
  });
  return { db, clock, service, vault, forgotten, wakes };
}

export const smtpForm = (over: Partial<CreateSmtpChannel> = {}): CreateSmtpChannel => ({
  scope: 'personal',
  label: 'My relay',
  host: 'smtp.example.net',
  port: 587,
  security: 'starttls',
  username: 'eli',
  password: 'correct horse battery staple',
  ...over,
});

/** The audit log of a tenant, oldest first, as action + target. */
export async function auditTrail(db: Db, tenantId: string) {
  const rows = await listAudit(db, tenantId, { beforeId: null, limit: 100 });
  return rows.reverse();
}
