import { type MergeFormat, type MergeRecipient, mergeTemplate, unfilledTags } from './merge';

/** The draft as it will be sent: what the rep sees, read at click time. */
export interface DraftContent {
  to: MergeRecipient[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  format: MergeFormat;
}

/** One message that will go out, exactly as it will read. */
export interface PersonalisedMessage {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  /** Which person a per-recipient message was merged for; null for `one`. */
  mergedFor: string | null;
}

export type Personalised =
  | { outcome: 'ready'; messages: PersonalisedMessage[] }
  | {
      outcome: 'refused';
      code: 'unfilled-tags' | 'missing-values' | 'each-with-copies';
      /** English, for API clients; the front ends word the refusal from `code` and the data (core voice). */
      message: string;
      /** The tags left unfilled, the Cc/Bcc addresses, or "address (tags)" for each recipient lacking values. */
      details: string[];
      /** For `missing-values`: each recipient lacking values, and the tags left unfilled for them. */
      lacking?: LackingValues[];
    };

export interface LackingValues {
  address: string;
  tags: string[];
}

const addressesOf = (recipients: readonly MergeRecipient[]) => recipients.map((r) => r.email);

function asOne(draft: DraftContent): Personalised {
  const tags = unfilledTags(`${draft.subject}\n${draft.body}`);
  if (tags.length)
    return {
      outcome: 'refused',
      code: 'unfilled-tags',
      message: `Not sent: the draft still has unfilled fields (${tags.join(', ')}). Insert the template again or fill them in.`,
      details: tags,
    };
  const { cc, bcc, subject, body } = draft;
  const message = { to: addressesOf(draft.to), cc, bcc, subject, body, mergedFor: null };
  return { outcome: 'ready', messages: [message] };
}

function asEach(draft: DraftContent): Personalised {
  if (draft.cc.length || draft.bcc.length)
    return {
      outcome: 'refused',
      code: 'each-with-copies',
      message:
        'Not sent: "one email each" goes to the To recipients only; remove Cc and Bcc, or send one email to everyone.',
      details: [...draft.cc, ...draft.bcc],
    };
  const messages: PersonalisedMessage[] = [];
  const lacking: LackingValues[] = [];
  for (const recipient of draft.to) {
    const subject = mergeTemplate(draft.subject, recipient, 'text');
    const body = mergeTemplate(draft.body, recipient, draft.format);
    const left = unfilledTags(`${subject.text}\n${body.text}`);
    if (left.length) lacking.push({ address: recipient.email, tags: left });
    messages.push({
      to: [recipient.email],
      cc: [],
      bcc: [],
      subject: subject.text,
      body: body.text,
      mergedFor: recipient.email,
    });
  }
  if (lacking.length) {
    const details = lacking.map(({ address, tags }) => `${address} (${tags.join(', ')})`);
    return {
      outcome: 'refused',
      code: 'missing-values',
      message: `Not sent: no value to fill for ${details.join('; ')}. Add a fallback like {{recipient.firstName|there}} or a name to the address.`,
      details,
      lacking,
    };
  }
  return { outcome: 'ready', messages };
}

/**
 * Turn a draft into the messages that will go out. Nothing with an unfilled tag is ever returned as
 * ready: the rep gets a refusal that names what is missing instead.
 */
export function personalise(draft: DraftContent, mode: 'one' | 'each'): Personalised {
  return mode === 'each' ? asEach(draft) : asOne(draft);
}
