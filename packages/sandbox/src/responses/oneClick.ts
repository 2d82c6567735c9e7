import { type Header, headerValue } from '../mime/headers';

/** What the recipient's mail client did with a message's unsubscribe headers. */
export interface OneClickEntry {
  at: string;
  sender: string;
  recipient: string;
  /** The original's Message-ID (with angle brackets). */
  messageId: string;
  url: string | null;
  /** `pending` while the POST is in flight. */
  outcome: 'pending' | 'posted' | 'skipped' | 'failed';
  /** The unsubscribe endpoint's HTTP status. */
  status: number | null;
  /** Why nothing was posted, or why the POST failed. */
  reason: string | null;
}

type OneClickTarget = { ok: true; url: string } | { ok: false; reason: string };

/** RFC 8058 §3.1: the one value List-Unsubscribe-Post may hold. */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';

/**
 * Where a mail client would POST, per RFC 8058 §3.1: List-Unsubscribe must hold an HTTP(S) URI and
 * List-Unsubscribe-Post must be exactly `List-Unsubscribe=One-Click`; without the latter a client
 * opens the link in a browser instead (no POST), and a GET must never unsubscribe (§4).
 * Simplified: `http:` is accepted (the sandbox and Sendwell talk over loopback) and DKIM coverage of
 * both headers (§3.1) is not checked.
 */
export function oneClickTarget(headers: readonly Header[]): OneClickTarget {
  const list = headerValue(headers, 'List-Unsubscribe');
  if (!list) return { ok: false, reason: 'The message has no List-Unsubscribe header.' };
  const post = headerValue(headers, 'List-Unsubscribe-Post')?.trim();
  if (post !== ONE_CLICK_BODY)
    return {
      ok: false,
      reason: `The message has no "List-Unsubscribe-Post: ${ONE_CLICK_BODY}" header (RFC 8058 §3.1): a mail client would not POST.`,
    };
  const url = (list.match(/<([^>]+)>/g) ?? [])
    .map((u) => u.slice(1, -1).trim())
    .find((u) => /^https?:\/\//i.test(u));
  return url
    ? { ok: true, url }
    : { ok: false, reason: 'List-Unsubscribe holds no HTTPS URI (RFC 8058 §3.1).' };
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The log keeps the latest presses only: a long bench must not grow memory without bound. */
const LOG_LIMIT = 5_000;

/**
 * The recipient's mail client pressing "Unsubscribe": one POST per message, as RFC 8058 §3.2
 * describes (body `List-Unsubscribe=One-Click`, form-encoded, no cookies or credentials, redirects
 * not followed — §3.2 tells senders not to redirect). The outcome is logged; `settled()` lets tests
 * wait for the POSTs in flight.
 */
export class OneClickClient {
  readonly #log: OneClickEntry[] = [];
  readonly #inFlight = new Set<Promise<void>>();

  constructor(private readonly fetchFn: Fetch = (url, init) => fetch(url, init)) {}

  press(input: { sender: string; recipient: string; headers: readonly Header[]; at: Date }): OneClickEntry {
    const target = oneClickTarget(input.headers);
    const entry: OneClickEntry = {
      at: input.at.toISOString(),
      sender: input.sender,
      recipient: input.recipient,
      messageId: headerValue(input.headers, 'Message-ID') ?? '',
      url: target.ok ? target.url : null,
      outcome: target.ok ? 'pending' : 'skipped',
      status: null,
      reason: target.ok ? null : target.reason,
    };
    this.#log.push(entry);
    if (this.#log.length > LOG_LIMIT) this.#log.shift();
    if (target.ok) this.#track(this.#post(entry, target.url));
    return entry;
  }

  async #post(entry: OneClickEntry, url: string): Promise<void> {
    try {
      const response = await this.fetchFn(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: ONE_CLICK_BODY,
        redirect: 'manual',
        credentials: 'omit',
      });
      await response.arrayBuffer().catch(() => undefined);
      entry.status = response.status;
      entry.outcome = response.ok ? 'posted' : 'failed';
      if (!response.ok) entry.reason = `The unsubscribe endpoint answered ${response.status}.`;
    } catch (error) {
      entry.outcome = 'failed';
      entry.reason = `The POST failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  #track(promise: Promise<void>): void {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise));
  }

  entries(): OneClickEntry[] {
    return this.#log.map((e) => ({ ...e }));
  }

  /** Resolves when every POST started so far has its outcome. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }
}
