import { collapseWhiteSpace } from '../../text';
import type { LineFacts } from './lines';

/** Lines of a recipient's paragraph kept as its diagnostic, and the characters kept. */
const PARAGRAPH_LINES = 6;
const MAX_CHARS = 800;
/** How far above a recipient the failure sentence that concerns it may be. */
const LOOK_BACK = 12;

/** An SMTP answer with an enhanced status, or a line that starts with a reply code. */
const SMTP_LINE = /(?<![\d.])[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\b|\S)|^\s*[45]\d\d\b/;

function squash(text: string): string {
  return collapseWhiteSpace(text).trim().slice(0, MAX_CHARS);
}

/**
 * A recipient's diagnostic: its own paragraph (the line that names it and the lines after, to the
 * next blank line) and, when that paragraph says nothing about failure, the nearest failure sentence
 * above it ("Your message could not be delivered to the following recipient:").
 */
export function diagnosticAt(lines: readonly LineFacts[], at: number): string {
  const paragraph: string[] = [];
  let failure = false;
  for (let i = at; i < lines.length && paragraph.length < PARAGRAPH_LINES; i++) {
    const line = lines[i] as LineFacts;
    if (line.blank) break;
    paragraph.push(line.text);
    failure ||= line.failure;
  }
  if (!failure) {
    for (let i = at - 1; i >= Math.max(0, at - LOOK_BACK); i--) {
      const line = lines[i] as LineFacts;
      if (line.failure) {
        paragraph.unshift(line.text);
        break;
      }
    }
  }
  return squash(paragraph.join(' '));
}

/**
 * The words about a recipient found only in the returned headers: the list after "the following
 * recipients" (Exchange 5.5's "'Robert Hill' on ... The recipient name is not recognized",
 * GroupWise's "karen.lee (user not found)"), else the first failure paragraph.
 */
export function firstFailureParagraph(lines: readonly LineFacts[]): string {
  const introducer = lines.findIndex((line) => line.introducer);
  const item = introducer < 0 ? -1 : lines.findIndex((line, i) => i > introducer && !line.blank);
  if (item >= 0 && item - introducer <= 3) return diagnosticAt(lines, item);
  const first = lines.findIndex((line) => line.failure);
  return first < 0 ? '' : diagnosticAt(lines, first);
}

/**
 * The first SMTP answer written anywhere in the prose, else the first failure line after line
 * `after` that is not already in `known` (MDaemon's transcript "Error: Connection timed out"), or null.
 */
export function firstSmtpAnswer(lines: readonly LineFacts[], after = -1, known = ''): string | null {
  const answer = lines.find((l) => l.text.length < 1000 && SMTP_LINE.test(l.text));
  if (answer) return squash(answer.text);
  const later = lines.find(
    (l, i) => i > after && l.failure && l.text.length < 1000 && !known.includes(squash(l.text)),
  );
  return later ? squash(later.text) : null;
}
