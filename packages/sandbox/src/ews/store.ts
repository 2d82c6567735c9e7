import type { Clock } from '@sendwell/core';
import { graphId, randomToken } from '../mail/ids';
import type { EwsOrg, EwsUser } from './orgs';

/** A message in a user's Sent Items, as CreateItem left it. */
export interface EwsItem {
  itemId: string;
  changeKey: string;
  subject: string;
  to: string[];
  cc: string[];
  bcc: string[];
  /** PS_INTERNET_HEADERS named properties (lower-case names, as Exchange keeps them). */
  internetHeaders: Record<string, string>;
  internetMessageId: string;
  /** The RFC 822 text Exchange transmitted (Bcc kept, as in the sender's copy). */
  raw: string;
  sentAt: Date;
}

/**
 * Per-org mailboxes (Sent Items only: what Sendwell sends and reconciles) plus the switches tests
 * use to provoke what a real server does at its own moment: throttling and a lost answer.
 */
export class EwsStore {
  readonly #sent = new Map<string, EwsItem[]>();
  readonly #busy = new Map<string, { count: number; backOffMs: number }>();
  readonly #crashes = new Map<string, number>();

  constructor(
    readonly orgs: readonly EwsOrg[],
    private readonly clock: Clock,
  ) {}

  org(id: string): EwsOrg | undefined {
    return this.orgs.find((o) => o.id === id);
  }

  sentItems(orgId: string, userId: string): EwsItem[] {
    return this.#sent.get(`${orgId}/${userId}`) ?? [];
  }

  file(org: EwsOrg, user: EwsUser, item: Omit<EwsItem, 'itemId' | 'changeKey' | 'sentAt'>): EwsItem {
    const stored: EwsItem = {
      ...item,
      // EWS ids are long base64 strings; their shape does not matter to clients, only that they are opaque.
      itemId: Buffer.from(`${org.id}/${user.id}/${graphId()}`).toString('base64'),
      changeKey: `CQAAABYAAA${randomToken(12)}`,
      sentAt: this.clock.now(),
    };
    const key = `${org.id}/${user.id}`;
    this.#sent.set(key, [...this.sentItems(org.id, user.id), stored]);
    return stored;
  }

  /** The next `count` requests to the org answer ErrorServerBusy with this back-off. */
  busyNext(orgId: string, count: number, backOffMs: number): void {
    this.#busy.set(orgId, { count, backOffMs });
  }

  takeBusy(orgId: string): number | null {
    const busy = this.#busy.get(orgId);
    if (!busy || busy.count <= 0) return null;
    busy.count -= 1;
    return busy.backOffMs;
  }

  /** The next `count` CreateItem requests are carried out, then the connection drops before the answer. */
  crashAfterAccept(orgId: string, count: number): void {
    this.#crashes.set(orgId, count);
  }

  takeCrash(orgId: string): boolean {
    const left = this.#crashes.get(orgId) ?? 0;
    if (left <= 0) return false;
    this.#crashes.set(orgId, left - 1);
    return true;
  }
}
