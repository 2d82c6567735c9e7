import { fold } from './fold';
import { saysFailure } from './lines';
import { PHRASES } from './phrases';

/** Characters of the prose the delay words are looked for in: warnings say so in their first lines. */
const MAX_DELAY_TEXT = 8 * 1024;

/** "has been returned", "is being returned": the server gave the message back, so it stopped trying. */
const RETURNED = /(?<![a-z])(?:has been|is being|was) returned/;

/**
 * True when a notice warns that delivery is late but still being tried. A statement that it is still
 * being tried ("has not yet been delivered", "no action is required", "es wird weiterhin versucht")
 * decides; weaker words ("Zustellung verzögert", "retardée", a delay Subject, "could not be delivered
 * for 5 days") count only when the notice says nowhere that the server gave up ("deleted from queue",
 * "has been returned"): Sendmail's final notice after five days still says how long it tried.
 */
export function isDelayWarning(subject: string, prose: string): boolean {
  const text = fold(prose.slice(0, MAX_DELAY_TEXT));
  if (PHRASES.delay.test(text)) return true;
  if (PHRASES.final.test(text) || RETURNED.test(text)) return false;
  return PHRASES.delayHints.test(text) || PHRASES.delaySubject.test(fold(subject.slice(0, 500)));
}

/** True when a notice reports success ("delivered successfully") and says nothing of failure or delay. */
export function isSuccessOnly(prose: string): boolean {
  const text = fold(prose.slice(0, MAX_DELAY_TEXT));
  // Failure words first: that regex is compiled for every notice anyway, and most notices have them,
  // so the success list (a regex of its own) is rarely needed at all.
  return !saysFailure(text) && PHRASES.success.test(text);
}
