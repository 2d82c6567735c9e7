import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import {
  bindIdentity,
  countTenantUsers,
  findUserByIdentity,
  GOOGLE_IDENTITY_TENANT,
  type IdentityKey,
  teamOfGoogleDomain,
} from '../store/identities';
import type { UserRow } from '../store/rows';
import { findUserByEmail, upsertUser } from '../store/users';

/** Who may sign in: configured, never "any tenant whose token verifies". */
export interface SignInPolicy {
  /** Entra tenant ids (GUIDs). */
  microsoftTenants: readonly string[];
  /** Google Workspace domains (the ID token's `hd`), lower case. */
  googleDomains: readonly string[];
}

/** A person a provider vouched for (a verified token). */
export interface VerifiedPerson {
  key: IdentityKey;
  email: string;
  name: string;
  /** Google's `hd`; null for consumer accounts and for Microsoft. */
  hostedDomain?: string | null;
}

export type SignInOutcome =
  | { outcome: 'user'; user: UserRow; created: boolean }
  | {
      outcome: 'refused';
      code: 'tenant-not-allowed' | 'domain-not-allowed' | 'email-taken';
      message: string;
    };

/**
 * The Sendwell user behind a verified identity: found by the provider's immutable ids, or created on
 * first sign-in when the tenant (Microsoft) or Workspace domain (Google) is one this Sendwell serves.
 * The email is never the key: a token for Ava's address with another `sub` is not Ava.
 */
export async function signInUser(
  db: Db,
  policy: SignInPolicy,
  person: VerifiedPerson,
): Promise<SignInOutcome> {
  const allowed = allowedTeam(policy, person);
  if (allowed.outcome === 'refused') return allowed;
  const existing = await findUserByIdentity(db, person.key);
  if (existing) return { outcome: 'user', user: existing, created: false };
  const holder = await findUserByEmail(db, person.email);
  if (holder)
    return {
      outcome: 'refused',
      code: 'email-taken',
      message: `${person.email} already belongs to another Sendwell account, signed in with a different ${providerName(person)} identity. Ask your admin to link them.`,
    };
  const tenantId =
    person.key.provider === 'microsoft'
      ? person.key.tenantId
      : ((await teamOfGoogleDomain(db, allowed.domain)) ?? allowed.domain);
  const user: UserRow = {
    id: `u_${randomBytes(8).toString('hex')}`,
    email: person.email.toLowerCase(),
    name: person.name || person.email,
    tenantId,
    legacy: false,
    defaultChannel: null,
    // The first person of a team administers it; a team can promote others later.
    role: (await countTenantUsers(db, tenantId)) === 0 ? 'admin' : 'rep',
  };
  await db.transaction(async (tx) => {
    await upsertUser(tx, user);
    await bindIdentity(tx, person.key, user.id);
  });
  return { outcome: 'user', user, created: true };
}

function allowedTeam(
  policy: SignInPolicy,
  person: VerifiedPerson,
): { outcome: 'ok'; domain: string } | Extract<SignInOutcome, { outcome: 'refused' }> {
  if (person.key.provider === 'microsoft') {
    return policy.microsoftTenants.includes(person.key.tenantId)
      ? { outcome: 'ok', domain: '' }
      : {
          outcome: 'refused',
          code: 'tenant-not-allowed',
          message: `Your Microsoft 365 organisation (tenant ${person.key.tenantId}) is not set up for this Sendwell. Ask your admin to add it (SENDWELL_MS_TENANTS).`,
        };
  }
  const domain = (person.hostedDomain ?? person.email.split('@')[1] ?? '').toLowerCase();
  return person.key.tenantId === GOOGLE_IDENTITY_TENANT && policy.googleDomains.includes(domain)
    ? { outcome: 'ok', domain }
    : {
        outcome: 'refused',
        code: 'domain-not-allowed',
        message: `Your Google account's domain (${domain || 'none'}) is not set up for this Sendwell. Ask your admin to add it (SENDWELL_GOOGLE_DOMAINS).`,
      };
}

const providerName = (person: VerifiedPerson) =>
  person.key.provider === 'microsoft' ? 'Microsoft' : 'Google';
