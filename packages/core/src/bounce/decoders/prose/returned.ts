import { cleanAddress, type FieldBlock, readHeaderBlock } from '../../fields';
import type { BounceMessage } from '../contract';
import { fold } from './fold';

/** A header line that starts the returned original when a notice pastes it into its text. */
const HEADER_START =
  /^(?:Return-Path|Received|Message-I[dD]|DKIM-Signature|MIME-Version|X-Sendwell-Id|Authentication-Results):/;
/** Separator lines before a returned original, in the six languages (folded). */
const ORIGINAL_PHRASES =
  "(?:(?:the )?original message(?: headers)?|(?:returned|undelivered|unsent) message(?: follows)?|kopie (?:ihrer|der) (?:nachricht|e-mail)|copie (?:de votre|du) message|copia del (?:suo |vostro )?messaggio|copia (?:de su|del) mensaje|copia da (?:sua )?mensagem|(?:a )?copy of (?:the|your) message|message d'origine|message original|en-tetes du message|nachricht im original|originalnachricht|ursprungliche nachricht|kopfzeilen der nachricht|messaggio originale|intestazioni del messaggio|mensaje original|encabezados del mensaje|mensagem original|cabecalhos da mensagem)";
/**
 * A separator line: the phrase after a run of dashes ("------ This is a copy of the message"), or the
 * whole line ("Original message follows:"); "Original Message Details" inside a card is not one.
 */
const ORIGINAL_MARKER = new RegExp(
  `^(?:[-=*_]{2,} ?.{0,24}${ORIGINAL_PHRASES}|(?:below this line is )?${ORIGINAL_PHRASES}[-=*_ :.]*(?:follows)?[-=*_ :.]*$)`,
);

export interface NoticeText {
  /** The notice's own words: before the returned original or any machine-readable part. */
  prose: string;
  /** The returned original's headers, from its part or pasted after the prose; null when absent. */
  original: FieldBlock | null;
}

/** The line `message.ts` puts before each machine-readable or returned part (`--- message/rfc822 ---`). */
const SECTION = /--- [a-z]+\/[a-z0-9.+-]+ ---(?:\n|$)/y;

/** Where the first part separator starts (a notice's own "--- Session Transcript ---" is none), or -1. */
export function sectionStart(body: string): number {
  for (let at = body.indexOf('\n--- '); at >= 0; at = body.indexOf('\n--- ', at + 1)) {
    SECTION.lastIndex = at + 1;
    if (SECTION.test(body)) return at;
  }
  return -1;
}

/** Characters of a returned original read for its header block (To, Cc, From, Message-ID). */
const MAX_HEADER_BLOCK = 32 * 1024;

/** Bytes of readable text read at all: a notice says what failed in its first kilobytes. */
const MAX_READABLE = 64 * 1024;

/** Split the notice's readable text into its own prose and the returned original's headers. */
export function noticeText(message: BounceMessage): NoticeText {
  const end = sectionStart(message.body);
  const readable = message.body.slice(0, Math.min(end < 0 ? message.body.length : end, MAX_READABLE));
  const cut = originalStart(readable);
  const prose = cut < 0 ? readable : readable.slice(0, cut);
  const pasted = cut < 0 ? null : withoutMarkerLine(readable.slice(cut));
  const source = (message.returnedMessage ?? pasted)?.slice(0, MAX_HEADER_BLOCK);
  return { prose, original: source ? readHeaderBlock(source.replace(/^\s+/, '')) : null };
}

/** The pasted original from its first header on (the separator line, if any, dropped). */
function withoutMarkerLine(text: string): string {
  return HEADER_START.test(text) ? text : text.slice(text.indexOf('\n') + 1);
}

/**
 * Cheap look at raw lines before folding one: could it be a separator naming the original? Patterns
 * start with a newline so the engine skips ahead with a fast character search.
 */
const MARKER_HINT =
  /\n[-=*_ ]*[^\n]{0,40}(?:original|copy|origine|nachricht|messaggio|mensaje|mensagem|kopfzeilen|intestazioni|encabezados|cabe|en-t|kopie|copie|copia|message)/gi;
const HEADER_LINE =
  /\n(?:Return-Path|Received|Message-I[dD]|DKIM-Signature|MIME-Version|X-Sendwell-Id|Authentication-Results):/;

function originalStart(text: string): number {
  const lined = `\n${text}`;
  const header = lined.search(HEADER_LINE);
  const limit = header < 0 ? lined.length : header;
  for (const hint of lined.slice(0, limit).matchAll(MARKER_HINT)) {
    const at = hint.index ?? 0;
    const end = lined.indexOf('\n', at + 1);
    const line = lined.slice(at + 1, end < 0 ? lined.length : end);
    if (line.length < 200 && ORIGINAL_MARKER.test(fold(line))) return at;
  }
  return header;
}

/** One address of a To or Cc field, with its display name ("'Robert Hill' <robert.hill@...>"). */
export interface NamedAddress {
  address: string;
  name: string;
}

/** `"Name" <a@b>`, `'Name' <a@b>`, `Name <a@b>` or a bare `a@b`, bounded. */
const MAILBOX =
  /(?:"([^"]{0,200})"|'([^']{0,200})'|([^,<>"']{0,200}?))\s*<([^<>\s]{1,254})>|([^\s,<>"']{1,64}@[^\s,<>"']{1,254})/g;

/** The returned original's To and Cc mailboxes, in order. */
export function originalRecipients(original: FieldBlock | null): NamedAddress[] {
  if (!original) return [];
  const out: NamedAddress[] = [];
  for (const value of [original.get('to') ?? '', original.get('cc') ?? ''])
    for (const m of value.slice(0, 4096).matchAll(MAILBOX)) {
      const address = cleanAddress(m[4] ?? m[5]);
      if (address) out.push({ address, name: (m[1] ?? m[2] ?? m[3] ?? '').trim() });
    }
  return out;
}
