import { TEMPLATE_INPUT } from '../cards/composeCard';
import { notify, updateDraft } from '../cards/responses';
import type { AddonResponse } from '../cards/types';
import { prepareInsert } from '../compose/prepareTemplate';
import { draftRecipients, formValue, parameter } from '../event';
import { insertModeOf, loadComposeCard, sessionOf, stampOf } from './compose';
import type { AddonContext } from './context';

/**
 * "Insert template" / "Insert again" / "Merge again": the template merged for the draft's first To
 * recipient (or kept with its tags for "one email each"), inserted at the cursor; the card remembers
 * whom it was merged for. A second plain Insert from a card that already inserted adds nothing.
 */
export async function onInsertTemplate(ctx: AddonContext): Promise<AddonResponse> {
  const { event } = ctx;
  if (stampOf(ctx) && parameter(event, 'again') !== '1') return notify(ctx.voice.t('insert.alreadyInserted'));
  const templates = await ctx.deps.templates(ctx.user.userId);
  const templateId = formValue(event, TEMPLATE_INPUT) ?? parameter(event, 'templateId');
  const recipients = draftRecipients(event);
  // Merge again keeps the earlier choice; a first Insert with several people defaults to one email each.
  const mode = insertModeOf(ctx) ?? stampOf(ctx)?.mode ?? 'each';
  const prepared = prepareInsert(templates, templateId, recipients, mode);
  if (prepared.outcome === 'blocked') return notify(ctx.voice.t(prepared.reason, prepared.params));
  const { html, subject, missing, stamp } = prepared.value;
  const { voice } = ctx;
  const warning = missing.length
    ? voice.t('insert.fillByHand', {
        tags: missing.join(voice.t('list.comma')),
        address: recipients.to[0]?.email ?? voice.t('insert.firstRecipient'),
      })
    : undefined;
  // The stamp rides on the updated card's actions (parameters are the card's only memory).
  const card = await loadComposeCard(
    { ...ctx, event: withStamp(event, JSON.stringify(stamp)) },
    { session: sessionOf(ctx), templateId: stamp.templateId },
  );
  return updateDraft({ html, subject }, { card, ...(warning ? { notification: warning } : {}) });
}

function withStamp(event: AddonContext['event'], stamp: string): AddonContext['event'] {
  const common = event.commonEventObject ?? {};
  return { ...event, commonEventObject: { ...common, parameters: { ...(common.parameters ?? {}), stamp } } };
}
