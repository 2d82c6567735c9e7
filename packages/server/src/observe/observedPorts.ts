import { MailboxAuthError, type MailboxPort, type SubmitResult } from '@sendwell/core';
import type { MailboxRow } from '../store/rows';
import type { Observations } from './observations';

/**
 * The provider status an error carries: an HTTP status (gaxios keeps it on the error, our
 * adapters put it first in the message: "Graph delta failed: 503 …"), an SMTP reply code, else
 * the kind of failure. Bounded labels only: never free text in a metric.
 */
export function providerStatus(error: unknown): string {
  if (error instanceof MailboxAuthError) return 'auth';
  const e = error as { status?: unknown; response?: { status?: unknown }; responseCode?: unknown };
  for (const candidate of [e?.status, e?.response?.status, e?.responseCode])
    if (typeof candidate === 'number' && candidate >= 400 && candidate < 600) return String(candidate);
  const text = error instanceof Error ? error.message : String(error);
  return codeIn(text) ?? 'error';
}

function codeIn(text: string): string | null {
  return /(?:^|[\s:(])([45]\d\d)(?=[\s:),.]|$)/.exec(text)?.[1] ?? null;
}

function submitStatus(result: SubmitResult): string | null {
  if (result.status === 'submitted') return null;
  return codeIn(result.detail) ?? (result.status === 'throttled' ? '429' : 'failed');
}

/**
 * Wraps each mailbox adapter so every provider failure is counted (by provider and status) and
 * every successful inbox read marks the mailbox as scanned. Behaviour is unchanged: results and
 * errors pass through as they were.
 */
export function observedMailboxes(observations: Observations, mailboxFor: (row: MailboxRow) => MailboxPort) {
  const wrapped = new WeakMap<MailboxPort, MailboxPort>();
  return (row: MailboxRow): MailboxPort => {
    const port = mailboxFor(row);
    let view = wrapped.get(port);
    if (!view) {
      view = observe(port, row, observations);
      wrapped.set(port, view);
    }
    return view;
  };
}

/**
 * A Proxy, not a new object: adapters carry more than the port (the Sent-folder scan finds
 * `listSentChanges` by duck typing, the SMTP lane is closed by class), and all of it must still be
 * reachable, bound to the real adapter.
 */
function observe(port: MailboxPort, row: MailboxRow, observations: Observations): MailboxPort {
  const failed = (error: unknown): never => {
    observations.providerError(row.provider, providerStatus(error));
    throw error;
  };
  const watched: Partial<MailboxPort> = {
    async send(message) {
      const result = await port.send(message).catch(failed);
      const status = submitStatus(result);
      if (status) observations.providerError(row.provider, status);
      return result;
    },
    async listInboxChanges(cursor, backfill) {
      const page = await port.listInboxChanges(cursor, backfill).catch(failed);
      observations.scanned(row.id);
      return page;
    },
    getRawMessage: (id) => port.getRawMessage(id).catch(failed),
    findSent: (id) => port.findSent(id).catch(failed),
  };
  return new Proxy(port, {
    get(target, key) {
      if (typeof key === 'string' && key in watched) return watched[key as keyof MailboxPort];
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
