import { randomUUID } from 'node:crypto';
import { type ComposeStatus, composeCard, TEMPLATE_INPUT } from '../cards/composeCard';
import { plural } from '../cards/format';
import { notify, pushCard, updateCard, updateDraft } from '../cards/responses';
import type { AddonResponse, Card } from '../cards/types';
import { prepareInsert, prepareSend } from '../compose/prepareTemplate';
import { draftRecipients, formValue, parameter } from '../event';
import { type AddonContext, orNull } from './context';

async function loadComposeCard(ctx: AddonContext, session: string, status?: ComposeStatus): Promise<Card> {
  const { deps, user, event } = ctx;
  const [templates, channel, quota] = await Promise.all([
    deps.templates(user.userId),
    deps.channel(user.userId),
    orNull(deps.quota(user.userId)),
  ]);
  return composeCard({
    addonUrl: deps.addonUrl,
    templates,
    selectedTemplateId: formValue(event, TEMPLATE_INPUT),
    recipients: draftRecipients(event),
    channel,
    quota,
    session,
    offsetMinutes: ctx.offsetMinutes,
    ...(status ? { status } : {}),
  });
}

const sessionOf = (ctx: AddonContext): string => parameter(ctx.event, 'session') ?? randomUUID();

/** Compose trigger: a fresh card (and a fresh send session) next to the draft. */
export async function onCompose(ctx: AddonContext): Promise<AddonResponse> {
  return pushCard(await loadComposeCard(ctx, randomUUID()));
}

/** "Insert template": merged for the draft's first recipient, inserted at the cursor; subject set. */
export async function onInsertTemplate(ctx: AddonContext): Promise<AddonResponse> {
  const templates = await ctx.deps.templates(ctx.user.userId);
  const prepared = prepareInsert(templates, formValue(ctx.event, TEMPLATE_INPUT), draftRecipients(ctx.event));
  if (prepared.outcome === 'blocked') return notify(prepared.message);
  const { html, subject, missing } = prepared.value;
  const warning = missing.length
    ? `Fill in by hand: ${missing.join(', ')} (no value for the first recipient).`
    : undefined;
  return updateDraft({ html, subject }, warning);
}

/** "Send with Sendwell": queue the merged template to the draft's audience through the user's Gmail. */
export async function onSendWithSendwell(ctx: AddonContext): Promise<AddonResponse> {
  const { deps, user } = ctx;
  const session = sessionOf(ctx);
  const templates = await deps.templates(user.userId);
  const prepared = prepareSend(
    templates,
    formValue(ctx.event, TEMPLATE_INPUT),
    draftRecipients(ctx.event),
    session,
  );
  if (prepared.outcome === 'blocked') return notify(prepared.message);
  const result = await deps.createSend(user.userId, prepared.value);
  if (result.outcome === 'rejected') {
    return updateCard(
      await loadComposeCard(ctx, session, { kind: 'error', text: result.message }),
      `Not sent: ${result.message}`,
    );
  }
  const count =
    prepared.value.to.length + (prepared.value.cc?.length ?? 0) + (prepared.value.bcc?.length ?? 0);
  const text = `Queued for ${plural(count, 'recipient')} through your Gmail. ${result.explanation}`.trim();
  // A new session after a successful send: sending again from this card is a new, deliberate send.
  return updateCard(
    await loadComposeCard(ctx, randomUUID(), { kind: 'queued', text }),
    `Queued: ${prepared.value.subject}`,
  );
}
