import type { ConnectionInfo, ConnectionsAnswer } from '@sendwell/core';
import type { GmailAddonDeps } from '../deps';

/**
 * The rep's Gmail connection as the cards need it. `connected` and `needs-reconnect` get the usual
 * cards (the latter with a banner: its sends wait for the reconnect); `unusable` — never connected,
 * disconnected by the rep, disabled by an admin — gets the connect card. A null URL means no
 * (re)connect button: disabled, or this Sendwell has no Google OAuth client configured.
 */
export type GmailConnection =
  | { state: 'connected'; info: ConnectionInfo }
  | { state: 'needs-reconnect'; info: ConnectionInfo; url: string | null }
  | { state: 'unusable'; info: ConnectionInfo | null; url: string | null };

export type UsableConnection = Exclude<GmailConnection, { state: 'unusable' }>;

/** Pure: the Gmail mailbox among the rep's connections (one per user per provider), or none. */
function gmailConnectionOf(answer: ConnectionsAnswer): {
  info: ConnectionInfo | null;
  connectable: boolean;
} {
  return {
    info: answer.connections.find((c) => c.provider === 'gmail') ?? null,
    connectable: answer.connectable.includes('google'),
  };
}

/** Reads the rep's Gmail connection and, when the rep can act on it, a fresh authorization URL. */
export async function loadGmailConnection(deps: GmailAddonDeps, userId: string): Promise<GmailConnection> {
  const { info, connectable } = gmailConnectionOf(await deps.connections(userId));
  if (info?.state === 'connected') return { state: 'connected', info };
  // Only a card with a (re)connect button gets a URL: each one is a new, short-lived OAuth state.
  const canAct = connectable && info?.state !== 'disabled';
  const url = canAct ? await deps.connectUrl(userId) : null;
  if (info?.state === 'needs-reconnect') return { state: 'needs-reconnect', info, url };
  return { state: 'unusable', info, url };
}

export const isUsable = (connection: GmailConnection): connection is UsableConnection =>
  connection.state !== 'unusable';
