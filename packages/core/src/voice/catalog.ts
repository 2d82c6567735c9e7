import type { Locale } from './locale';
import { en, type MessageKey, type Messages } from './messages/en';
import { zhHans } from './messages/zh-Hans';

export const CATALOGS: Record<Locale, Messages> = { en, 'zh-Hans': zhHans };

export type Params = Record<string, string | number>;

/** `{name}` placeholders in a catalog string, in order (the catalog test compares them per key). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The catalog string for `key` with its placeholders filled; a missing param stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Keys that come in `.one` / `.other` pairs. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

const PLURALS = new Map<Locale, Intl.PluralRules>();

/** The plural form of `base` for `n` (English: 1 message, 2 messages; Chinese has one form). */
export function pluralKey(locale: Locale, base: PluralBase, n: number): MessageKey {
  let rules = PLURALS.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    PLURALS.set(locale, rules);
  }
  return `${base}.${rules.select(n) === 'one' ? 'one' : 'other'}` as MessageKey;
}
