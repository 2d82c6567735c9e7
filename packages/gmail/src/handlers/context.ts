import type { Voice } from '@sendwell/core';
import { reconnectBanner } from '../cards/connectCard';
import type { CardSection } from '../cards/types';
import type { AddonUser, GmailAddonDeps } from '../deps';
import type { AddonEvent } from '../event';
import type { UsableConnection } from './connection';

/** What every handler gets: the services, the verified user and the validated event. */
export interface AddonContext {
  deps: GmailAddonDeps;
  user: AddonUser;
  event: AddonEvent;
  /** Sendwell's one voice in the rep's locale and time zone (from the Gmail event). */
  voice: Voice;
  /** The rep's Gmail connection (connected, or waiting for a reconnect). */
  connection: UsableConnection;
}

/** The reconnect banner while Gmail needs reconnecting; null while connected. */
export function bannerOf(ctx: Pick<AddonContext, 'connection' | 'voice'>): CardSection | null {
  const { connection } = ctx;
  if (connection.state !== 'needs-reconnect') return null;
  return reconnectBanner(connection.info, connection.url, ctx.voice);
}

/** Optional panels degrade to "not shown" instead of failing the whole card (e.g. quota 409 without a mailbox). */
export async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch {
    return null;
  }
}
