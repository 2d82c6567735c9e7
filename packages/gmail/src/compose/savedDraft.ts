import { createHash } from 'node:crypto';
import { invalidAddresses, type MergeRecipient } from '@sendwell/core';
import type { SavedDraft } from '../deps';
import type { AddonEvent } from '../event';

/** The draft's audience as the compose event hands it: To/Cc/Bcc strings, as Gmail wrote them. */
export interface EventAudience {
  to: string[];
  cc: string[];
  bcc: string[];
  threadId?: string;
}

export function eventAudience(event: AddonEvent): EventAudience {
  const threadId = event.gmail?.threadId;
  return {
    to: event.gmail?.toRecipients ?? [],
    cc: event.gmail?.ccRecipients ?? [],
    bcc: event.gmail?.bccRecipients ?? [],
    ...(threadId ? { threadId } : {}),
  };
}

/** `Ada <ada@example.com>` → `ada@example.com` (as written: validation names it exactly). */
export function addressOf(text: string): string {
  const angled = /<([^>]*)>\s*$/.exec(text);
  return (angled ? angled[1]! : text).trim();
}

/** Addresses in the compose window that are not valid email addresses (core's one schema). */
export function invalidInAudience(audience: EventAudience): string[] {
  return invalidAddresses([...audience.to, ...audience.cc, ...audience.bcc].map(addressOf));
}

const set = (list: readonly string[]) =>
  [...new Set(list.map((a) => addressOf(a).toLowerCase()))].sort().join(',');
const recipients = (list: readonly MergeRecipient[]) => list.map((r) => r.email);

/**
 * The saved draft of this compose window. The event carries no draft id, only the audience, so the
 * draft is the newest saved one with exactly these To, Cc and Bcc addresses (and, in a reply, the
 * same thread). `others` counts older drafts that match too; the confirm card says so.
 */
export function matchDraft(
  drafts: readonly SavedDraft[],
  audience: EventAudience,
): { draft: SavedDraft; others: number } | null {
  const wanted = [set(audience.to), set(audience.cc), set(audience.bcc)].join('|');
  const matches = drafts
    .filter((d) => !audience.threadId || d.threadId === audience.threadId)
    .filter(
      (d) => [set(recipients(d.to)), set(recipients(d.cc)), set(recipients(d.bcc))].join('|') === wanted,
    )
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  return matches.length ? { draft: matches[0]!, others: matches.length - 1 } : null;
}

/** The idempotency key of a draft: Gmail keeps a draft's id across saves, so a draft sends once. */
export const draftKey = (draftId: string): string => `gmail-draft:${draftId}`;

/** What the rep confirmed: a change to the draft after the confirm card means confirming again. */
export function draftFingerprint(draft: SavedDraft): string {
  const content = [
    draft.subject,
    draft.html,
    recipients(draft.to),
    recipients(draft.cc),
    recipients(draft.bcc),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 20);
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** The first line a reader sees: block ends and `<br>` become line breaks, tags go, entities decode. */
export function firstLine(html: string): string {
  const text = html
    .replace(/<(style|script)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e);
  return (
    text
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .find(Boolean) ?? ''
  );
}
