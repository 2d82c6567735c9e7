import { fold } from './fold';
import { PHRASES } from './phrases';

/** An SMTP reply (`550 `, `550-`) or an enhanced status (`5.1.1`), not a time, an IP or a version. */
const SMTP_ANSWER = /(?<![\d.:/-])[45][0-5]\d(?=[ -]\D)|(?<![\d.])[45]\.\d{1,3}\.\d{1,3}(?![\d.])/;

/** Lines longer than this are HTML paragraphs or hostile: only words near an address count there. */
export const LONG_LINE = 400;
/** Lines of a notice read at all (its prose is already bounded to 64 KB). */
const MAX_LINES = 4000;

/** What the phrase tables say about one line of the notice's prose. */
export interface LineFacts {
  text: string;
  blank: boolean;
  /** Failure or delay words, or an SMTP answer, on this line (or across its wrap into the next). */
  failure: boolean;
  introducer: boolean;
  recipientLabel: boolean;
  senderLabel: boolean;
  toLabel: boolean;
}

/**
 * True when a (folded) text holds failure or delay words. Three regexes, not one alternation of the
 * three lists (the same answer): `isDelayWarning` compiles the delay lists for most of these notices
 * anyway, and compiling a big alternation costs far more than the lines' extra scans.
 */
export function saysFailure(folded: string): boolean {
  return PHRASES.failure.test(folded) || PHRASES.delay.test(folded) || PHRASES.delayHints.test(folded);
}

const NO_FACTS = {
  failure: false,
  introducer: false,
  recipientLabel: false,
  senderLabel: false,
  toLabel: false,
};

function factsOf(text: string): LineFacts {
  const short = text.length <= LONG_LINE;
  const folded = fold(short ? text : text.slice(0, LONG_LINE));
  if (!folded) return { text, blank: true, ...NO_FACTS };
  // Every label ends with a colon: lines without one skip those three scans.
  const labelled = folded.includes(':');
  return {
    text,
    blank: false,
    failure: short && (SMTP_ANSWER.test(text) || saysFailure(folded)),
    introducer: short && PHRASES.introducer.test(folded),
    recipientLabel: labelled && PHRASES.recipientLabel.test(folded),
    senderLabel: labelled && PHRASES.senderLabel.test(folded),
    toLabel: labelled && PHRASES.toLabel.test(folded),
  };
}

/** True when the words around one place of a long line say failure (HTML paragraphs are one line). */
export function failureNear(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 200), index + 300);
  return saysFailure(fold(window)) || SMTP_ANSWER.test(window);
}

/** Every line's facts; a phrase wrapped across two short lines marks both. */
export function readLines(prose: string): LineFacts[] {
  const facts = prose.split('\n', MAX_LINES).map(factsOf);
  for (let i = 0; i + 1 < facts.length; i++) {
    const here = facts[i] as LineFacts;
    const next = facts[i + 1] as LineFacts;
    if (here.failure || next.failure || here.blank || next.blank) continue;
    if (here.text.length > LONG_LINE || next.text.length > LONG_LINE) continue;
    if (saysFailure(fold(`${here.text.slice(-80)} ${next.text.slice(0, 80)}`)))
      here.failure = next.failure = true;
  }
  return facts;
}

/** The nearest non-blank line within `reach` lines before (-1) or after (+1) line `i`, or null. */
export function nonBlankNear(
  facts: readonly LineFacts[],
  i: number,
  step: -1 | 1,
  reach = 2,
): LineFacts | null {
  for (let j = i + step, seen = 0; j >= 0 && j < facts.length && seen < reach; j += step) {
    const line = facts[j] as LineFacts;
    if (!line.blank) return line;
    seen++;
  }
  return null;
}
