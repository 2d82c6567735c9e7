import {
  isPersonal,
  mergeTemplate,
  type PersonalisedMessage,
  type PersonaliseRefusal,
  personalise,
} from '@sendwell/core';
import type { SavedDraft, SendRequest } from '../deps';
import { draftKey } from './savedDraft';

/**
 * How a saved draft goes out:
 * - `one`: exactly as written, to everyone (it must hold no unfilled tag);
 * - `each`: one email per To recipient, each merged for that person (server `personalise: 'each'`);
 * - `for`: one email, its tags merged for the first To recipient.
 */
export type SendMode = 'one' | 'each' | 'for';

export const SEND_MODES: readonly SendMode[] = ['one', 'each', 'for'];

/** The ways this draft can be sent: a draft with per-person tags needs the rep to choose. */
export function sendModes(draft: SavedDraft): SendMode[] {
  if (!isPersonal(`${draft.subject}\n${draft.html}`)) return ['one'];
  return draft.to.length > 1 ? ['each', 'for'] : ['for'];
}

export type PreparedSend =
  | { outcome: 'ready'; request: SendRequest; first: PersonalisedMessage; count: number }
  /** Core's refusal as data (code, fields, recipients): the card words it in the rep's language. */
  | { outcome: 'refused'; refusal: PersonaliseRefusal };

/** The draft with its tags merged for one person (values escaped in the HTML body). */
function mergedFor(draft: SavedDraft): SavedDraft {
  const person = draft.to[0];
  return {
    ...draft,
    subject: mergeTemplate(draft.subject, person, 'text').text,
    html: mergeTemplate(draft.html, person, 'html').text,
  };
}

/**
 * The send request for a saved draft, checked with core's `personalise` first so the confirm card
 * shows exactly what will go out, and refuses (naming the unfilled field) what the server would.
 */
export function prepareSend(draft: SavedDraft, mode: SendMode, templateId: string | null): PreparedSend {
  const source = mode === 'for' ? mergedFor(draft) : draft;
  const emails = (list: SavedDraft['to']) => list.map((r) => r.email);
  const checked = personalise(
    {
      to: source.to,
      cc: emails(source.cc),
      bcc: emails(source.bcc),
      subject: source.subject,
      body: source.html,
      format: 'html',
    },
    mode === 'each' ? 'each' : 'one',
  );
  if (checked.outcome === 'refused') return { outcome: 'refused', refusal: checked };
  const displayNames = Object.fromEntries(
    source.to.filter((r) => r.displayName).map((r) => [r.email.toLowerCase(), r.displayName!]),
  );
  return {
    outcome: 'ready',
    first: checked.messages[0]!,
    count: checked.messages.length,
    request: {
      to: emails(source.to),
      cc: emails(source.cc),
      bcc: emails(source.bcc),
      subject: source.subject,
      body: source.html,
      templateId,
      idempotencyKey: draftKey(draft.id),
      personalise: mode === 'each' ? 'each' : 'one',
      displayNames,
    },
  };
}
