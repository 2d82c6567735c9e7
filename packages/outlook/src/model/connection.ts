import type { ConnectionInfo, ConnectionsAnswer } from '../api/types';

/**
 * What the pane's connection banner shows, decided from `GET /api/v1/connections`: the Outlook channel
 * is the Exchange Online mailbox, else the Exchange Server one (as core's `resolveChannel` picks).
 */
export type PaneConnection =
  | { kind: 'none'; canConnect: boolean }
  | { kind: 'mailbox'; info: ConnectionInfo; canConnect: boolean };

const OUTLOOK_PROVIDERS = ['exchange', 'exchange-server'] as const;

export function outlookConnection(answer: ConnectionsAnswer): PaneConnection {
  const canConnect = answer.connectable.includes('microsoft');
  for (const provider of OUTLOOK_PROVIDERS) {
    const info = answer.connections.find((connection) => connection.provider === provider);
    if (info) return { kind: 'mailbox', info, canConnect: canConnect && provider === 'exchange' };
  }
  return { kind: 'none', canConnect };
}

/** A key that changes whenever what the rep can send through changes (channel and quota follow it). */
export function connectionKey(connection: PaneConnection | null): string {
  if (!connection) return 'loading';
  if (connection.kind === 'none') return 'none';
  return `${connection.info.mailboxId}:${connection.info.state}`;
}

/**
 * The banner asks the rep to connect (no mailbox, disconnected, disabled): the channel and the budget
 * would only repeat that there is no mailbox, so the pane shows the banner alone.
 */
export function awaitsMailbox(connection: PaneConnection | null): boolean {
  if (!connection) return false;
  return (
    connection.kind === 'none' ||
    connection.info.state === 'disconnected' ||
    connection.info.state === 'disabled'
  );
}
