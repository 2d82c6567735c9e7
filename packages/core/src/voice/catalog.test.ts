import { describe, expect, it } from 'vitest';
import { CATALOGS, placeholders } from './catalog';
import { LOCALES, type Locale, pickLocale } from './locale';
import { en, type MessageKey } from './messages/en';
import { BOUNCE_REASONS } from './reasons';

const keys = Object.keys(en) as MessageKey[];

describe('message catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys, each worded', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(CATALOGS[locale][key].trim(), key).not.toBe('');
  });

  it.each(keys)('%s has the same placeholders in every language', (key) => {
    const expected = placeholders(en[key]).sort();
    for (const locale of LOCALES)
      expect(placeholders(CATALOGS[locale][key]).sort(), locale).toEqual(expected);
  });

  // Issue 6, observation 11: "userunknown 5.1.1" in Gmail, "user unknown, 5.1.10" in Outlook.
  const reasonTable = BOUNCE_REASONS.flatMap((reason) => LOCALES.map((locale) => [reason, locale] as const));
  it.each(reasonTable)('the engine reason %s has plain words in %s', (reason, locale) => {
    const words = CATALOGS[locale][`reason.${reason}` as MessageKey];
    expect(words).toBeTruthy();
    expect(words).not.toBe(reason);
    expect(words).not.toMatch(/\{reason\}/);
  });
});

describe('pickLocale', () => {
  it.each<[string | undefined, Locale]>([
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', 'en'],
    ['zh-Hant', 'en'],
    ['zh-HK', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s reads %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });
});
