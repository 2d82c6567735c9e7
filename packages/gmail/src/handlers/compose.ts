import { randomUUID } from 'node:crypto';
import { type ComposeStatus, composeCard, MODE_INPUT, TEMPLATE_INPUT } from '../cards/composeCard';
import { pushCard, updateCard } from '../cards/responses';
import type { AddonResponse, Card } from '../cards/types';
import { decodeStamp } from '../compose/prepareTemplate';
import { draftRecipients, formValue, parameter } from '../event';
import { loadComposeExtras } from './composeExtras';
import { type AddonContext, bannerOf, orNull } from './context';

export interface ComposeState {
  session: string;
  status?: ComposeStatus;
  sentDraftId?: string;
  /** The template to show selected (the card's picker, else what the action names). */
  templateId?: string;
}

export const sessionOf = (ctx: AddonContext): string => parameter(ctx.event, 'session') ?? randomUUID();
export const stampOf = (ctx: AddonContext) => decodeStamp(parameter(ctx.event, 'stamp'));

export function insertModeOf(ctx: AddonContext): 'one' | 'each' | undefined {
  const mode = formValue(ctx.event, MODE_INPUT);
  return mode === 'one' || mode === 'each' ? mode : undefined;
}

export async function loadComposeCard(ctx: AddonContext, state: ComposeState): Promise<Card> {
  const { deps, user, event } = ctx;
  const [templates, channel, quota, extras] = await Promise.all([
    deps.templates(user.userId),
    deps.channel(user.userId),
    orNull(deps.quota(user.userId)),
    loadComposeExtras(ctx),
  ]);
  const stamp = stampOf(ctx);
  return composeCard({
    addonUrl: deps.addonUrl,
    templates,
    // What the action names (a recently used template, the one just inserted) wins over the picker.
    selectedTemplateId: state.templateId ?? formValue(event, TEMPLATE_INPUT) ?? stamp?.templateId,
    insertMode: insertModeOf(ctx),
    recipients: draftRecipients(event),
    channel,
    quota,
    session: state.session,
    stamp,
    voice: ctx.voice,
    banner: bannerOf(ctx),
    extras,
    ...(state.sentDraftId ? { sentDraftId: state.sentDraftId } : {}),
    ...(state.status ? { status: state.status } : {}),
  });
}

/** Compose trigger: a fresh card (a fresh compose session) next to the draft. */
export async function onCompose(ctx: AddonContext): Promise<AddonResponse> {
  return pushCard(await loadComposeCard(ctx, { session: randomUUID() }));
}

/** A "Recently used" button: the compose card with that template selected. */
export async function onTemplateRecent(ctx: AddonContext): Promise<AddonResponse> {
  const templateId = parameter(ctx.event, 'templateId');
  return updateCard(
    await loadComposeCard(ctx, { session: sessionOf(ctx), ...(templateId ? { templateId } : {}) }),
  );
}

/** The picker changed, or "Back" from the confirm card: the compose card again, state kept. */
export async function onComposeRefresh(ctx: AddonContext): Promise<AddonResponse> {
  const sentDraftId = parameter(ctx.event, 'sentDraft');
  return updateCard(
    await loadComposeCard(ctx, { session: sessionOf(ctx), ...(sentDraftId ? { sentDraftId } : {}) }),
  );
}
