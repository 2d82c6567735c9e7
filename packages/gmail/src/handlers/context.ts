import type { Voice } from '@sendwell/core';
import type { AddonUser, GmailAddonDeps } from '../deps';
import type { AddonEvent } from '../event';

/** What every handler gets: the services, the verified user and the validated event. */
export interface AddonContext {
  deps: GmailAddonDeps;
  user: AddonUser;
  event: AddonEvent;
  /** Sendwell's one voice in the rep's locale and time zone (from the Gmail event). */
  voice: Voice;
}

/** Optional panels degrade to "not shown" instead of failing the whole card (e.g. quota 409 without a mailbox). */
export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch {
    return null;
  }
}
