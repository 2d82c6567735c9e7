import type { ProfileId } from '@sendwell/core';
import type { Db } from './store/db';
import { bindIdentity, GOOGLE_IDENTITY_TENANT, type IdentityKey } from './store/identities';
import type { UserRole } from './store/rows';
import { insertTemplate, listTemplates } from './store/templates';
import { findUser, upsertMailbox, upsertUser } from './store/users';

export interface SeedUser {
  id: string;
  email: string;
  name: string;
  provider: 'exchange' | 'gmail';
  tenantId: string;
  mailboxId: string;
  legacy: boolean;
  /** Entra `oid` / Google `sub`: the seed binds the identity, so sign-in finds the user by it. */
  subject?: string;
  /** False: the user exists but has not connected their mailbox yet (no mailbox row). */
  connected?: boolean;
}

const PROFILE: Record<SeedUser['provider'], ProfileId> = {
  exchange: 'exchange-online',
  gmail: 'gmail-workspace',
};

const DEMO_TEMPLATES = [
  {
    key: 'intro',
    name: 'First touch',
    subject: 'Quick question for {{recipient.firstName|your team}}',
    body: '<p>Hi {{recipient.firstName|there}},</p><p>I noticed your team is growing and wanted to share how others cut their reply time in half.</p><p>Worth a 15-minute call next week?</p>',
  },
  {
    key: 'follow-up',
    name: 'Follow-up',
    subject: 'Following up',
    body: '<p>Hi {{recipient.firstName|there}},</p><p>Circling back on my last note. Is this on your radar this quarter?</p>',
  },
];

/**
 * The first sandbox user of each team is its admin (ava, lou, gus): someone in every team can
 * change the team templates, and the others show what a rep may and may not do.
 */
export function seedRole(users: readonly SeedUser[], user: SeedUser): UserRole {
  return users.find((u) => u.tenantId === user.tenantId)?.id === user.id ? 'admin' : 'rep';
}

/** Sandbox users become Sendwell users with their native mailbox; each tenant gets demo templates once. */
export async function seedUsers(db: Db, users: readonly SeedUser[]): Promise<void> {
  for (const user of users) {
    // An admin's later changes (role, legacy flag) survive a restart: the seed sets them only once.
    const existing = await findUser(db, user.id);
    await upsertUser(db, {
      id: user.id,
      email: user.email,
      name: user.name,
      tenantId: user.tenantId,
      legacy: existing?.legacy ?? user.legacy,
      defaultChannel: null,
      role: existing?.role ?? seedRole(users, user),
    });
    if (user.subject) await bindIdentity(db, identityKeyOf({ ...user, subject: user.subject }), user.id);
    if (user.connected === false) continue;
    await upsertMailbox(db, {
      id: user.mailboxId,
      userId: user.id,
      provider: user.provider,
      address: user.email,
      profileId: PROFILE[user.provider],
    });
  }
  // Team templates belong to the team's admin.
  const owners = new Map(users.filter((u) => seedRole(users, u) === 'admin').map((u) => [u.tenantId, u.id]));
  for (const [tenantId, ownerId] of owners) {
    if ((await listTemplates(db, tenantId)).length > 0) continue;
    for (const t of DEMO_TEMPLATES) {
      await insertTemplate(db, {
        id: `${tenantId}-${t.key}`,
        tenantId,
        ownerId,
        scope: 'team',
        name: t.name,
        subject: t.subject,
        body: t.body,
      });
    }
  }
}

/** A sandbox person's immutable ids as their provider states them (Entra tid + oid, Google sub). */
function identityKeyOf(user: SeedUser & { subject: string }): IdentityKey {
  return user.provider === 'gmail'
    ? { provider: 'google', tenantId: GOOGLE_IDENTITY_TENANT, subject: user.subject }
    : { provider: 'microsoft', tenantId: user.tenantId, subject: user.subject };
}
