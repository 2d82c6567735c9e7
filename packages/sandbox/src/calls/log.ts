import type { Context, MiddlewareHandler } from 'hono';
import type { CallShape } from './classify';
import type { CallKind } from './kinds';

type CallProvider = 'graph' | 'gmail' | 'ews';

/** One provider request the sandbox answered for a mailbox. */
export interface CallRecord {
  at: string;
  provider: CallProvider;
  /** Route template, e.g. `GET /me/mailFolders/inbox/messages/delta`. */
  route: string;
  status: number;
  kind: CallKind;
  /** True for calls that change the user's mail (see `CallKind`). */
  mutating: boolean;
  /** Gmail quota units the call costs (Google's per-method table, `gmailMethods.ts`). */
  units: number;
  /** The request path with its ids (no query): which message a read read. Graph and Gmail calls. */
  path?: string;
}

/** `GET /sandbox/dev/calls?address=` answers this. */
export interface CallSummary {
  address: string;
  /** Every call since the last reset (the latest `CALLS_KEPT` when there are more). */
  calls: CallRecord[];
  total: number;
  byRoute: Record<string, number>;
  byKind: Record<CallKind, number>;
  /** Calls that changed the user's mail: what Sendwell must never make. */
  mutating: number;
  sends: number;
  drafts: number;
  quotaUnits: number;
}

/** A long bench must not grow memory without bound: counters stay exact, the list keeps the latest. */
const CALLS_KEPT = 20_000;

interface MailboxCalls {
  calls: CallRecord[];
  total: number;
  byRoute: Map<string, number>;
  byKind: Record<CallKind, number>;
  quotaUnits: number;
}

const emptyKinds = (): Record<CallKind, number> => ({ read: 0, send: 0, draft: 0, mutate: 0, other: 0 });

/** Every Graph, Gmail and EWS request the sandbox answered, per mailbox address. */
export class CallLog {
  readonly #byAddress = new Map<string, MailboxCalls>();

  record(
    address: string,
    provider: CallProvider,
    shape: CallShape,
    status: number,
    at: Date,
    path?: string,
  ): void {
    const key = address.toLowerCase();
    const box: MailboxCalls = this.#byAddress.get(key) ?? {
      calls: [],
      total: 0,
      byRoute: new Map(),
      byKind: emptyKinds(),
      quotaUnits: 0,
    };
    this.#byAddress.set(key, box);
    const mutating = shape.kind === 'mutate';
    box.calls.push({ at: at.toISOString(), provider, ...shape, status, mutating, ...(path ? { path } : {}) });
    if (box.calls.length > CALLS_KEPT) box.calls.splice(0, box.calls.length - CALLS_KEPT);
    box.total += 1;
    box.byRoute.set(shape.route, (box.byRoute.get(shape.route) ?? 0) + 1);
    box.byKind[shape.kind] += 1;
    box.quotaUnits += shape.units;
  }

  summary(address: string): CallSummary {
    const box = this.#byAddress.get(address.toLowerCase());
    const byKind = box ? { ...box.byKind } : emptyKinds();
    return {
      address: address.toLowerCase(),
      calls: box ? box.calls.map((c) => ({ ...c })) : [],
      total: box?.total ?? 0,
      byRoute: Object.fromEntries(box?.byRoute ?? []),
      byKind,
      mutating: byKind.mutate,
      sends: byKind.send,
      drafts: byKind.draft,
      quotaUnits: box?.quotaUnits ?? 0,
    };
  }

  /** Forgets one mailbox's calls, or every mailbox's. */
  reset(address?: string): void {
    if (address) this.#byAddress.delete(address.toLowerCase());
    else this.#byAddress.clear();
  }
}

/**
 * Logs each request of a provider's routes once it is answered, under the authenticated user's
 * address (requests refused before authentication belong to no mailbox and are not logged).
 */
export function logCalls(
  log: CallLog,
  provider: CallProvider,
  classify: (verb: string, path: string) => CallShape,
  now: () => Date,
  /** Holds the answer of an accepted send when a bench armed the mailbox (`/dev/stall`). */
  afterSend?: (address: string) => Promise<void>,
): MiddlewareHandler {
  return async (c: Context, next) => {
    await next();
    const user = c.get('user') as { email: string } | undefined;
    if (!user) return;
    const shape = classify(c.req.method, c.req.path);
    log.record(user.email, provider, shape, c.res.status, now(), c.req.path);
    if (afterSend && shape.kind === 'send' && c.res.status < 300) await afterSend(user.email);
  };
}
