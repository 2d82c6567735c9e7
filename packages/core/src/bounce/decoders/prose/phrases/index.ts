import { GERMAN } from './de';
import { ENGLISH } from './en';
import { SPANISH } from './es';
import { FRENCH } from './fr';
import { ITALIAN } from './it';
import { PORTUGUESE } from './pt';
import type { LanguagePhrases } from './types';

/** The six languages the prose fallback reads, in no particular order (each table is tried on every text). */
export const LANGUAGES: readonly LanguagePhrases[] = [ENGLISH, FRENCH, GERMAN, ITALIAN, SPANISH, PORTUGUESE];

type ListName = {
  [K in keyof LanguagePhrases]: LanguagePhrases[K] extends readonly string[] ? K : never;
}[keyof LanguagePhrases];

function sourcesOf(list: ListName): string {
  return LANGUAGES.flatMap((language) => language[list]).join('|');
}

/** One phrase list of all six languages as a single alternation, matched anywhere in folded text. */
function anywhere(list: ListName): RegExp {
  return new RegExp(`(?<![a-z])(?:${sourcesOf(list)})`);
}

/** One label list as `Label:` (or `Label :`, bulleted, with an optional `(s)`) at the start of a folded line. */
function labelAtStart(list: ListName): RegExp {
  return new RegExp(`^(?:[-*>] ?)?(?:${sourcesOf(list)})(?: ?\\(s\\))? ?:`);
}

/** Compiled once: every regex is one scan of a folded line or subject. */
export const PHRASES = {
  failure: anywhere('failure'),
  delay: anywhere('delay'),
  delayHints: anywhere('delayHints'),
  final: anywhere('final'),
  success: anywhere('success'),
  introducer: anywhere('introducers'),
  contact: anywhere('contact'),
  subject: anywhere('subjects'),
  delaySubject: anywhere('delaySubjects'),
  sender: anywhere('senders'),
  recipientLabel: labelAtStart('recipientLabels'),
  senderLabel: labelAtStart('senderLabels'),
  toLabel: labelAtStart('toLabels'),
};
