/** A phrase is a lower-case substring, or a regex for phrases with a variable middle. */
export type Phrase = string | RegExp;

export function includesAny(text: string, phrases: readonly Phrase[]): boolean {
  for (const phrase of phrases) {
    if (typeof phrase === 'string' ? text.includes(phrase) : phrase.test(text)) return true;
  }
  return false;
}
