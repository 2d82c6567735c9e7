import { myNumbersSchema, templateAnalyticsSchema } from '@sendwell/core';
import type { MailboxTruth } from '@sendwell/sandbox';
import { ApiClient, type Rep, type SandboxProcess } from '../cluster';
import type { Accepted } from './feeder';
import type { SendwellRecord } from './judge';

const FINAL = new Set(['submitted', 'failed', 'cancelled']);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What Sendwell says about one rep, over its API. */
export async function readRecord(
  serverUrl: string,
  rep: Rep,
  templateId: string,
  requested: Accepted,
): Promise<SendwellRecord> {
  const api = new ApiClient(serverUrl, rep.token);
  const sends = new Map(
    (await api.allSends()).map((s) => [s.id, { status: s.status, bounced: s.bounced }] as const),
  );
  const numbers = await api.call(myNumbersSchema, 'GET', '/analytics/me?days=2');
  const template = await api.call(templateAnalyticsSchema, 'GET', `/analytics/templates/${templateId}`);
  return {
    email: rep.email,
    requested,
    sends,
    numbers: numbers.totals,
    template: { messages: template.mine.messages, recipientsBounced: template.mine.recipientsBounced },
  };
}

/** Failure recipients the provider generated for the rep's mailbox. */
const truthBounces = (truth: MailboxTruth) =>
  truth.notices.filter((n) => n.kind === 'failure').reduce((n, x) => n + x.recipients.length, 0);

interface DrainState {
  open: number;
  pending: number;
  bouncesCounted: number;
  bouncesTruth: number;
}

async function drainState(
  serverUrl: string,
  sandbox: SandboxProcess,
  reps: readonly Rep[],
): Promise<DrainState> {
  const state: DrainState = { open: 0, pending: 0, bouncesCounted: 0, bouncesTruth: 0 };
  for (const rep of reps) {
    const sends = await new ApiClient(serverUrl, rep.token).allSends();
    state.open += sends.filter((s) => !FINAL.has(s.status)).length;
    state.bouncesCounted += sends.reduce((n, s) => n + s.bounced, 0);
    const truth = await sandbox.truth(rep.email);
    state.bouncesTruth += truthBounces(truth);
    state.pending = truth.pending;
  }
  return state;
}

/**
 * Waits until the outbox is empty (every send submitted, failed or cancelled), the sandbox has no
 * notice left to file, and the scanner has counted as many bounces as the provider sent — or those
 * counts stopped moving for `settleMs` (the judge then names the difference). Answers the last state.
 */
export async function waitForDrain(
  serverUrl: string,
  sandbox: SandboxProcess,
  reps: readonly Rep[],
  options: { timeoutMs: number; settleMs: number; progress(line: string): void },
): Promise<DrainState & { timedOut: boolean }> {
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  let stableSince = Date.now();
  let lastReport = 0;
  for (;;) {
    const state = await drainState(serverUrl, sandbox, reps).catch(() => null);
    if (state) {
      const key = JSON.stringify(state);
      if (key !== last) {
        last = key;
        stableSince = Date.now();
      }
      const quiet = state.open === 0 && state.pending === 0;
      if (quiet && state.bouncesCounted === state.bouncesTruth) return { ...state, timedOut: false };
      if (quiet && Date.now() - stableSince >= options.settleMs) return { ...state, timedOut: false };
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        options.progress(
          `draining: ${state.open} open, ${state.pending} notices pending, bounces ${state.bouncesCounted}/${state.bouncesTruth}`,
        );
      }
      if (Date.now() > deadline) return { ...state, timedOut: true };
    }
    await pause(1000);
  }
}
