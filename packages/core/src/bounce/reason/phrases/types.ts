import { answersAlikeOnTwin, latin1Twin } from '../../text';

/** A phrase is a lower-case substring, or a regex for phrases with a variable middle. */
export type Phrase = string | RegExp;

/**
 * Each phrase list, joined into one alternation on first use: one scan of the text instead of one
 * per phrase (the classifier asks ~25 lists about every diagnostic). Lists with strings or with
 * differing flags keep the phrase-by-phrase loop.
 */
const joined = new WeakMap<readonly Phrase[], Union | null>();

/** A list's union, and whether it answers alike on a text's Latin-1 twin (text.ts). */
interface Union {
  pattern: RegExp;
  onTwin: boolean;
}

function join(phrases: readonly Phrase[]): Union | null {
  const first = phrases[0];
  if (!(first instanceof RegExp)) return null;
  const sources: string[] = [];
  for (const phrase of phrases) {
    if (!(phrase instanceof RegExp) || phrase.flags !== first.flags) return null;
    // Numbered back-references would point at the wrong group inside a joined pattern.
    if (/\\[1-9]/.test(phrase.source)) return null;
    sources.push(`(?:${phrase.source})`);
  }
  const pattern = new RegExp(sources.join('|'), first.flags.replace(/[gy]/g, ''));
  return { pattern, onTwin: answersAlikeOnTwin(pattern) };
}

export function includesAny(text: string, phrases: readonly Phrase[]): boolean {
  let union = joined.get(phrases);
  if (union === undefined) {
    union = join(phrases);
    joined.set(phrases, union);
  }
  if (union) return union.pattern.test(union.onTwin ? latin1Twin(text) : text);
  for (const phrase of phrases) {
    if (typeof phrase === 'string' ? text.includes(phrase) : phrase.test(text)) return true;
  }
  return false;
}
