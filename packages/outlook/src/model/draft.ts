import { checkStamp, invalidAddresses, personalise, type SendRequestBody, type Voice } from '@sendwell/core';
import type { DraftRecipient, DraftRecipients } from '../office/types';
import type { DraftState } from './draftState';
import { withoutMarkers } from './templateBlock';

/** The draft as read from Outlook at click time: exactly what the rep sees. */
export interface DraftContent {
  recipients: DraftRecipients;
  subject: string;
  body: string;
}

export type SendCheck =
  /** Nothing is posted; `message` says what to fix, in the rep's language. */
  | {
      outcome: 'invalid';
      reason: 'no-recipient' | 'addresses' | 'no-subject' | 'personalise';
      message: string;
    }
  /** The To line changed since Insert merged the template: merge again before sending. */
  | {
      outcome: 'recipients-changed';
      added: string[];
      removed: string[];
      mergedFor: DraftRecipient | null;
    }
  | { outcome: 'ready'; request: SendRequestBody };

const emailsOf = (list: readonly DraftRecipient[]) => list.map((recipient) => recipient.email);

/** Lower-case address → display name, for the server's per-person merge ("one email each"). */
function displayNamesOf(to: readonly DraftRecipient[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const recipient of to)
    if (recipient.displayName) names[recipient.email.toLowerCase()] = recipient.displayName;
  return names;
}

/**
 * Everything the pane checks before posting a draft, in the order a rep fixes things: recipients,
 * their addresses, the subject, whom the merge was made for, then no unfilled tag may leave.
 */
export function checkDraft(draft: DraftContent, state: DraftState, voice: Voice): SendCheck {
  const { to, cc, bcc } = draft.recipients;
  if (to.length === 0)
    return { outcome: 'invalid', reason: 'no-recipient', message: voice.t('refusal.noRecipientInTo') };
  const bad = invalidAddresses([...emailsOf(to), ...emailsOf(cc), ...emailsOf(bcc)]);
  if (bad.length) return { outcome: 'invalid', reason: 'addresses', message: voice.invalidAddresses(bad) };
  if (!draft.subject.trim())
    return { outcome: 'invalid', reason: 'no-subject', message: voice.t('refusal.noSubject') };
  const stamp = state.insert?.stamp ?? null;
  if (stamp?.mode === 'one' && state.insert?.personal) {
    const check = checkStamp(stamp, to);
    if (check.outcome === 'recipients-changed')
      return { ...check, mergedFor: stamp.mergedFor ? { ...stamp.mergedFor } : null };
  }
  const mode = stamp?.mode ?? 'one';
  const body = withoutMarkers(draft.body);
  const content = { to, cc: emailsOf(cc), bcc: emailsOf(bcc), subject: draft.subject, body };
  const personalised = personalise({ ...content, format: 'html' }, mode);
  if (personalised.outcome === 'refused')
    return { outcome: 'invalid', reason: 'personalise', message: voice.refusal(personalised) };
  const request: SendRequestBody = {
    host: 'outlook',
    ...content,
    to: emailsOf(to),
    idempotencyKey: state.idempotencyKey,
    personalise: mode,
  };
  if (stamp) request.templateId = stamp.templateId;
  if (mode === 'each') request.displayNames = displayNamesOf(to);
  return { outcome: 'ready', request };
}
