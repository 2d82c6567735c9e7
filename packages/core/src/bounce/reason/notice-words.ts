import type { BounceReason } from '../types';
import { EXPIRY_STATED, GAVE_UP } from './phrases/system';
import { includesAny } from './phrases/types';
import { providerReason } from './providers';

/**
 * The notice's own readable words (the `context` of every recipient's facts) are the same ~2,000
 * characters for each recipient of a notice and each pass of the classifier over one: they are
 * lower-cased and asked each question once per notice, not once per recipient and pass.
 */
interface NoticeWords {
  lower: string;
  expiryStated?: boolean;
  gaveUp?: boolean;
  provider?: BounceReason | null;
}

/** The last notice's words: recipients of one notice are classified one after another. */
let last: { context: string; words: NoticeWords } | null = null;

function wordsOf(context: string): NoticeWords {
  if (last?.context !== context) last = { context, words: { lower: context.toLowerCase() } };
  return last.words;
}

/**
 * The notice says the retry period ran out. Every EXPIRY_STATED phrase contains "retry timeout
 * exceeded" or "expired": without either, the phrase scan cannot match.
 */
export function noticeStatesExpiry(context: string | null | undefined): boolean {
  if (!context) return false;
  const words = wordsOf(context);
  words.expiryStated ??=
    (words.lower.includes('expired') || words.lower.includes('retry timeout exceeded')) &&
    includesAny(words.lower, EXPIRY_STATED);
  return words.expiryStated;
}

/** The notice's words say the MTA gave up (GAVE_UP phrases). */
export function noticeSaysGaveUp(context: string | null | undefined): boolean {
  if (!context) return false;
  const words = wordsOf(context);
  words.gaveUp ??= includesAny(words.lower, GAVE_UP);
  return words.gaveUp;
}

/** A reason a provider's own code or wording in the notice's words pins down, or null. */
export function noticeProviderReason(context: string | null | undefined): BounceReason | null {
  if (!context) return null;
  const words = wordsOf(context);
  if (words.provider === undefined) words.provider = providerReason(words.lower);
  return words.provider;
}
