import { checkStamp, MailboxAuthError, systemClock } from '@sendwell/core';
import { confirmCard } from '../cards/confirmCard';
import { updateCard } from '../cards/responses';
import type { AddonResponse } from '../cards/types';
import { prepareSend, SEND_MODES, type SendMode, sendModes } from '../compose/prepareSend';
import {
  addressOf,
  draftFingerprint,
  draftKey,
  eventAudience,
  invalidInAudience,
  matchDraft,
} from '../compose/savedDraft';
import type { AcceptedSendView, SavedDraft } from '../deps';
import { parameter } from '../event';
import { loadComposeCard, sessionOf, stampOf } from './compose';
import { sendAtOf } from './composeExtras';
import { isUsable, loadGmailConnection } from './connection';
import type { AddonContext } from './context';

/** The compose card with an outcome line (and a toast with the same words). */
async function answer(
  ctx: AddonContext,
  kind: 'queued' | 'error' | 'info',
  text: string,
  sentDraftId?: string,
) {
  const card = await loadComposeCard(ctx, {
    session: sessionOf(ctx),
    status: { kind, text },
    ...(sentDraftId ? { sentDraftId } : {}),
  });
  return updateCard(card, text);
}

function alreadySent(ctx: AddonContext, draftId: string, sends: AcceptedSendView[]) {
  const to = [...new Set(sends.flatMap((s) => s.to))];
  const text = `${ctx.voice.t('ui.alreadySent')} (${ctx.voice.count('count.recipients', to.length)})`;
  return answer(ctx, 'info', text, draftId);
}

async function showConfirm(ctx: AddonContext, draft: SavedDraft, others: number, note?: string) {
  const stamp = stampOf(ctx);
  const templateId = stamp?.templateId ?? null;
  const options = sendModes(draft).map((mode) => ({ mode, prepared: prepareSend(draft, mode, templateId) }));
  const sendAt = sendAtOf(ctx);
  const card = confirmCard({
    addonUrl: ctx.deps.addonUrl,
    session: sessionOf(ctx),
    sendAt: sendAt ? sendAt.toISOString() : null,
    stamp,
    stampCheck: stamp ? checkStamp(stamp, draft.to) : null,
    draft,
    others,
    options,
    voice: ctx.voice,
    ...(note ? { note } : {}),
  });
  return updateCard(card);
}

/**
 * The saved draft is read with the rep's Gmail grant. When Google no longer honours it, nothing is
 * sent (Sendwell cannot see the text), the draft stays in Gmail, and the card shows the reconnect
 * banner (the server has marked the connection lost).
 */
async function withGrant(
  ctx: AddonContext,
  run: (ctx: AddonContext) => Promise<AddonResponse>,
): Promise<AddonResponse> {
  try {
    return await run(ctx);
  } catch (error) {
    if (!(error instanceof MailboxAuthError)) throw error;
    const connection = await loadGmailConnection(ctx.deps, ctx.user.userId);
    const now = isUsable(connection) ? { ...ctx, connection } : ctx;
    return answer(now, 'error', ctx.voice.t('gmail.connect.draftUnreadable'));
  }
}

/**
 * "Send with Sendwell" on the compose card: find the draft Gmail saved for this compose window (the
 * event only has its recipients) and show it for a last check. Nothing is queued here.
 */
export const onSendWithSendwell = (ctx: AddonContext) => withGrant(ctx, findDraftToConfirm);

async function findDraftToConfirm(ctx: AddonContext): Promise<AddonResponse> {
  const { deps, user, event } = ctx;
  const sentDraft = parameter(event, 'sentDraft');
  if (sentDraft) {
    const earlier = await deps.sendsForDraft(user.userId, draftKey(sentDraft));
    if (earlier.length) return alreadySent(ctx, sentDraft, earlier);
  }
  const audience = eventAudience(event);
  const invalid = invalidInAudience(audience);
  if (invalid.length) {
    // Each bad address named, in the rep's language.
    const { voice } = ctx;
    const named = invalid.map((address) => voice.t('refusal.notValidAddress', { address }));
    return answer(
      ctx,
      'error',
      voice.t('gmail.invalidAddresses', { addresses: named.join(voice.t('list.semicolon')) }),
    );
  }
  if (!audience.to.length) return answer(ctx, 'error', ctx.voice.t('gmail.noRecipient'));
  const match = matchDraft(await (await deps.drafts(user.userId)).recent(), audience);
  const recent = await recentSendTo(ctx, audience.to);
  if (!match) {
    // Sendwell removes a draft it sent: a card reopened on that compose window lands here.
    if (recent) return answer(ctx, 'info', `${ctx.voice.t('ui.alreadySent')} (${ctx.voice.time(recent)})`);
    return answer(ctx, 'error', ctx.voice.t('gmail.noSavedDraft'));
  }
  const earlier = await deps.sendsForDraft(user.userId, draftKey(match.draft.id));
  if (earlier.length) return alreadySent(ctx, match.draft.id, earlier);
  const note = recent ? ctx.voice.t('gmail.recentSend', { time: ctx.voice.time(recent) }) : undefined;
  return showConfirm(ctx, match.draft, match.others, note);
}

/** How long a send to the same To line counts as "just sent" for a compose window opened again. */
const RECENT_MS = 60 * 60_000;

/**
 * When this rep last queued Sendwell email reaching every one of these To addresses (within the
 * hour), from their feed: the draft of a sent compose window is gone, its recipients are what is left.
 */
async function recentSendTo(ctx: AddonContext, to: string[]): Promise<string | null> {
  const wanted = new Set(to.map((t) => addressOf(t).toLowerCase()));
  const since = (ctx.deps.clock ?? systemClock).now().getTime() - RECENT_MS;
  const reached = new Map<string, string>();
  for (const e of await ctx.deps.recentFeed(ctx.user.userId, 50)) {
    if (e.type !== 'send.queued' || Date.parse(e.at) < since || !Array.isArray(e.detail.to)) continue;
    for (const address of e.detail.to as unknown[]) {
      const key = String(address).toLowerCase();
      if (wanted.has(key) && (reached.get(key) ?? '') < e.at) reached.set(key, e.at);
    }
  }
  if (!wanted.size || reached.size < wanted.size) return null;
  return [...reached.values()].sort().at(-1) ?? null;
}

const modeOf = (text: string | undefined): SendMode =>
  SEND_MODES.includes(text as SendMode) ? (text as SendMode) : 'one';

/**
 * "Send" on the confirm card: send exactly the draft the rep checked, once. The key is the draft's:
 * a second click, or a card reopened on a sent draft, sends nothing and says it was sent.
 */
export const onSendDraft = (ctx: AddonContext) => withGrant(ctx, sendCheckedDraft);

async function sendCheckedDraft(ctx: AddonContext): Promise<AddonResponse> {
  const { deps, user, event } = ctx;
  const draftId = parameter(event, 'draftId') ?? '';
  const earlier = draftId ? await deps.sendsForDraft(user.userId, draftKey(draftId)) : [];
  if (earlier.length) return alreadySent(ctx, draftId, earlier);
  const drafts = await deps.drafts(user.userId);
  const draft = draftId ? await drafts.get(draftId) : null;
  if (!draft) return answer(ctx, 'error', ctx.voice.t('gmail.draftGone'));
  if (draftFingerprint(draft) !== parameter(event, 'fingerprint'))
    return showConfirm(ctx, draft, 0, ctx.voice.t('gmail.draftChanged'));
  const prepared = prepareSend(draft, modeOf(parameter(event, 'mode')), stampOf(ctx)?.templateId ?? null);
  if (prepared.outcome === 'refused') return answer(ctx, 'error', ctx.voice.refusal(prepared.refusal));
  // "Send at" as the rep picked it (past or absent: now; the throttle may still move it later).
  const sendAt = sendAtOf(ctx);
  const request = sendAt ? { ...prepared.request, sendAt: sendAt.toISOString() } : prepared.request;
  const result = await deps.createSend(user.userId, request);
  if (result.outcome === 'rejected') return answer(ctx, 'error', result.message);
  if (result.duplicate) return alreadySent(ctx, draft.id, result.sends);
  // Sendwell holds the exact text now; the Gmail draft goes, so it cannot also be sent by hand.
  // The send is queued even if the grant died this instant: the draft's key refuses a second send.
  await drafts.remove(draft.id).catch(keepIfGrantLost);
  return answer(ctx, 'queued', queuedText(ctx, prepared.first.subject, result.sends), draft.id);
}

function keepIfGrantLost(error: unknown): void {
  if (!(error instanceof MailboxAuthError)) throw error;
}

/** "Queued for 2:57 PM · 1 message · 2 recipients · "<subject>"" in the rep's language and zone. */
function queuedText(ctx: AddonContext, subject: string, sends: AcceptedSendView[]): string {
  const { voice } = ctx;
  const recipients = new Set(sends.flatMap((s) => s.to)).size;
  const statuses = [...new Set(sends.map((s) => voice.accepted(s.sendAt).text))];
  const counts = [voice.count('count.messages', sends.length), voice.count('count.recipients', recipients)];
  return [...statuses, ...counts, voice.t('list.quoted', { text: subject })].join(voice.t('list.separator'));
}
