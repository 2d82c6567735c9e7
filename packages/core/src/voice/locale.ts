/** The languages Sendwell speaks: English, and Simplified Chinese (the product document's language). */
export type Locale = 'en' | 'zh-Hans';

export const LOCALES: readonly Locale[] = ['en', 'zh-Hans'];

// Traditional-script Chinese (Taiwan, Hong Kong, Macau, zh-Hant) is not Simplified: English it is.
const TRADITIONAL = /^zh(-hant|-tw|-hk|-mo)(\b|-)/;

/**
 * The rep's language from the host: Office's `displayLanguage` ("zh-CN", "en-US") or the Gmail
 * event's `userLocale` ("zh_CN", "en"). zh, zh-CN, zh-SG and zh-Hans-* read Simplified Chinese;
 * everything else, and nothing at all, reads English.
 */
export function pickLocale(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (t !== 'zh' && !t.startsWith('zh-')) return 'en';
  if (TRADITIONAL.test(t) && !t.startsWith('zh-hans')) return 'en';
  return 'zh-Hans';
}
