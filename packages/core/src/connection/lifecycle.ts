import type { ConnectionChange, ConnectionEventType, ConnectionProblem, ConnectionState } from './types';

export interface ConnectionStatus {
  state: ConnectionState;
  problem: ConnectionProblem | null;
}

/** The lifecycle's answer: the new status and the one feed event to record, or nothing changed. */
export type ConnectionTransition =
  | { changed: true; status: ConnectionStatus; event: ConnectionEventType }
  | { changed: false; status: ConnectionStatus; refusal: string | null };

const unchanged = (status: ConnectionStatus, refusal: string | null = null): ConnectionTransition => ({
  changed: false,
  status,
  refusal,
});

/**
 * Pure: how a connection's status moves. A loss is recorded once (a second failure while already
 * waiting for a reconnect changes nothing); only the rep's own consent brings a connection back, and
 * an admin's disable wins over everything but the admin's enable.
 */
export function nextConnectionStatus(
  current: ConnectionStatus,
  change: ConnectionChange,
): ConnectionTransition {
  switch (change.type) {
    case 'connected':
      if (current.state === 'disabled')
        return unchanged(current, 'A team admin disabled this mailbox; ask them to enable it first.');
      if (current.state === 'connected') return unchanged(current);
      return {
        changed: true,
        status: { state: 'connected', problem: null },
        event: 'connection.reconnected',
      };
    case 'lost':
      if (current.state !== 'connected') return unchanged(current);
      return {
        changed: true,
        status: { state: 'needs-reconnect', problem: change.problem },
        event: 'connection.needs-reconnect',
      };
    case 'disconnected-by-rep':
      if (current.state === 'disconnected' || current.state === 'disabled') return unchanged(current);
      return {
        changed: true,
        status: { state: 'disconnected', problem: null },
        event: 'connection.disconnected',
      };
    case 'disabled-by-admin':
      if (current.state === 'disabled') return unchanged(current);
      return { changed: true, status: { state: 'disabled', problem: null }, event: 'connection.disabled' };
    case 'enabled-by-admin':
      if (current.state !== 'disabled') return unchanged(current);
      // Its grant may have died while disabled: the next token refresh finds out and says so.
      return { changed: true, status: { state: 'connected', problem: null }, event: 'connection.enabled' };
  }
}

/** Only a connected mailbox sends or scans; every other state holds its queue. */
export function connectionCanSend(state: ConnectionState): boolean {
  return state === 'connected';
}

/** A rep may queue a send into a mailbox that will come back by itself after a reconnect. */
export function connectionAcceptsSends(state: ConnectionState): boolean {
  return state === 'connected' || state === 'needs-reconnect';
}
