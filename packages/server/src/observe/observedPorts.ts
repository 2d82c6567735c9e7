import { MailboxAuthError, type SubmitResult } from '@sendwell/core';
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
 * Wraps each mailbox adapter (and each Gmail Sent-folder reader) so every provider failure is
 * counted by provider and status, and every successful inbox read marks the mailbox as scanned.
 * Behaviour is unchanged: results and errors pass through as they were.
 */
export function observedPorts<P extends object | null>(
  observations: Observations,
  portFor: (row: MailboxRow) => P,
): (row: MailboxRow) => P {
  const wrapped = new WeakMap<object, P>();
  return (row) => {
    const port = portFor(row);
    if (port === null) return port;
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
 * reachable, bound to the real adapter. Every method that returns a promise is watched.
 */
function observe<P extends object>(port: P, row: MailboxRow, observations: Observations): P {
  const count = (status: string | null) => {
    if (status) observations.providerError(row.provider, status);
  };
  const watch = (key: string, result: Promise<unknown>) =>
    result.then(
      (value) => {
        if (key === 'send') count(submitStatus(value as SubmitResult));
        if (key === 'listInboxChanges') observations.scanned(row.id);
        return value;
      },
      (error: unknown) => {
        count(providerStatus(error));
        throw error;
      },
    );
  return new Proxy(port, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise && typeof key === 'string' ? watch(key, result) : result;
      };
    },
  });
}
