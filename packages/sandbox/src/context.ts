import type { Clock } from '@sendwell/core';
import type { CallLog } from './calls/log';
import type { AnswerStalls } from './dev/stalls';
import type { SandboxIdentity } from './identity/identity';
import type { PostOffice } from './mail/postOffice';
import type { MailStore } from './mail/store';
import type { SmtpDesk } from './smtp/desk';
import type { SandboxUser } from './users';

/** Provider limits the sandbox enforces. Defaults are the providers' published numbers. */
export interface SandboxLimits {
  exchange: {
    messagesPerMinute: number;
    recipientsPerDay: number;
    recipientsPerMessage: number;
    concurrentRequests: number;
  };
  gmail: {
    messagesPerDay: number;
    recipientsPerDay: number;
    recipientsPerMessage: number;
    quotaUnitsPerMinute: number;
    /** How long sends over the daily limit still get 200 (+ a limit bounce) before 429 "(Mail sending)". */
    overLimitAcceptMs: number;
  };
}

export const DEFAULT_LIMITS: SandboxLimits = {
  // Exchange Online limits service description and Graph throttling limits (office-addin.md §6.1, §6.3).
  exchange: {
    messagesPerMinute: 30,
    recipientsPerDay: 10_000,
    recipientsPerMessage: 500,
    concurrentRequests: 4,
  },
  // Workspace sending limits and Gmail API quota since 2026-05-01 (gmail-addon.md §3.1, §3.3); the
  // units each method costs are Google's published table (calls/gmailMethods.ts).
  // overLimitAcceptMs is assumed: the reference only says "several minutes" before 429s start.
  gmail: {
    messagesPerDay: 2_000,
    recipientsPerDay: 10_000,
    recipientsPerMessage: 100,
    quotaUnitsPerMinute: 6_000,
    overLimitAcceptMs: 5 * 60_000,
  },
};

/** Lets tests hold a mailbox's requests open, to provoke the concurrency limit without sleeping. */
export class RequestGates {
  readonly #held = new Map<string, { promise: Promise<void>; release: () => void }>();

  hold(mailboxId: string): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    const entry = {
      promise,
      release: () => {
        this.#held.delete(mailboxId);
        release();
      },
    };
    this.#held.set(mailboxId, entry);
    return entry.release;
  }

  wait(mailboxId: string): Promise<void> | undefined {
    return this.#held.get(mailboxId)?.promise;
  }
}

/** Everything the route modules share. */
export interface SandboxContext {
  baseUrl: string;
  clock: Clock;
  users: readonly SandboxUser[];
  store: MailStore;
  postOffice: PostOffice;
  identity: SandboxIdentity;
  limits: SandboxLimits;
  gates: RequestGates;
  /** What the sandbox's SMTP server accepted and where it went (`startSandboxSmtp`). */
  smtp: SmtpDesk;
  /** Every provider request answered, per mailbox (`GET /dev/calls`). */
  calls: CallLog;
  /** Send answers a bench holds back (`/dev/stall`). */
  stalls: AnswerStalls;
}
