import { classifyClick, classifyOpen, type Hit, type Verdict } from '@sendwell/core';
import type { OutcomeDeps } from '../services/outcomeDeps';
import { recordEvent } from '../workers/recordEvent';

export interface Engagement {
  sendId: string;
  kind: 'open' | 'click';
  url: string | null;
  /** What the request looked like; the time since sending is filled in here. */
  hit: Omit<Hit, 'secondsAfterSend'>;
}

export type Recorded = { recorded: true; verdict: Verdict } | { recorded: false; why: 'unknown-send' };

/**
 * One open or click: a row in `engagement` and an `engagement.open|click` feed event for the
 * send's rep, with `machine` and `why` so numbers stay honest (Apple MPP opens, scanner clicks).
 */
export async function recordEngagement(deps: OutcomeDeps, e: Engagement): Promise<Recorded> {
  const [send] = await deps.db.query<{
    user_id: string;
    template_id: string | null;
    to_addrs: unknown;
    submitted_at: Date | string | null;
  }>('select user_id, template_id, to_addrs, submitted_at from sends where id = $1', [e.sendId]);
  if (!send) return { recorded: false, why: 'unknown-send' };
  const now = deps.clock.now();
  const submitted = send.submitted_at ? new Date(send.submitted_at) : null;
  const hit: Hit = {
    ...e.hit,
    secondsAfterSend: submitted ? (now.getTime() - submitted.getTime()) / 1000 : null,
  };
  const verdict = e.kind === 'open' ? classifyOpen(hit) : classifyClick(hit);
  await deps.db.query(
    'insert into engagement (send_id, kind, url, machine, why, at) values ($1, $2, $3, $4, $5, $6)',
    [e.sendId, e.kind, e.url, verdict.machine, verdict.why, now],
  );
  const to = (typeof send.to_addrs === 'string' ? JSON.parse(send.to_addrs) : send.to_addrs) as string[];
  await recordEvent(deps.db, deps.hub, {
    userId: send.user_id,
    type: `engagement.${e.kind}`,
    sendId: e.sendId,
    templateId: send.template_id,
    // One recipient (campaign steps, personalised sends): the open is theirs; several: unknown whose.
    recipient: to.length === 1 ? to[0]! : null,
    detail: { machine: verdict.machine, why: verdict.why, ...(e.url ? { url: e.url } : {}) },
    at: now,
  });
  return { recorded: true, verdict };
}
