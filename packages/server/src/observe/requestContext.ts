import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { looksSecret } from './redact';

interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** A client's id is kept when it is short, plain and not itself a secret; otherwise we make one. */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | undefined | null): string {
  if (incoming && SANE_ID.test(incoming) && !looksSecret(incoming)) return incoming;
  return randomUUID();
}

/** Runs `work` with `requestId` on every log line written while it runs, however deep the awaits. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
