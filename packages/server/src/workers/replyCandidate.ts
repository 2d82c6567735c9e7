import type { InboxEntry } from '@sendwell/core';

/** Message-IDs Sendwell gives its own sends (`<sendId>@sendwell.local`, services/sends.ts). */
const SENDWELL_DOMAIN = '@sendwell.local';

/** The Message-IDs an inbox message answers, without angle brackets: In-Reply-To first, then References. */
export interface ReplyRefs {
  inReplyTo: string[];
  references: string[];
}

const idsIn = (value: string | undefined): string[] =>
  (value?.match(/<[^<>\s]+>/g) ?? []).map((id) => id.slice(1, -1));

export function replyRefs(entry: InboxEntry): ReplyRefs {
  const header = (name: string) =>
    Object.entries(entry.headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return { inReplyTo: idsIn(header('in-reply-to')), references: idsIn(header('references')) };
}

/** Every id the message refers to, the one it answers directly first. */
export const allRefs = (refs: ReplyRefs): string[] => [...new Set([...refs.inReplyTo, ...refs.references])];

/** An id in our own format that matched no send of this user: evidence for the unattributed list. */
export const looksLikeOurs = (id: string): boolean => id.toLowerCase().endsWith(SENDWELL_DOMAIN);

/** The address in a From header (`Name <a@b>` or `a@b`), lower-cased; '' when there is none. */
export function addressOf(from: string): string {
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1];
  const bare = /[^\s<>"(),;:]+@[^\s<>"(),;:]+/.exec(from)?.[0];
  return (angled ?? bare ?? '').toLowerCase();
}
