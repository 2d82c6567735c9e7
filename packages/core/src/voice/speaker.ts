import type { Clock } from '../ports/clock';
import { type Params, type PluralBase, pluralKey, translate } from './catalog';
import { type TimeFormatter, timeFormatter } from './clockFormat';
import type { Locale } from './locale';
import type { MessageKey } from './messages/en';
import type { Instant } from './types';

/** What every wording function needs: the catalog in one language, numbers and times, and "now". */
export interface Speaker {
  locale: Locale;
  timeZone: string;
  clock: Clock;
  t(key: MessageKey, params?: Params): string;
  /** A counted phrase: "1 message" / "2 messages" (numbers with separators). */
  count(base: PluralBase, n: number, params?: Params): string;
  number(n: number): string;
  percent(fraction: number): string;
  /** A clock time in the rep's zone and convention, with the day when it is not today. */
  time(at: Instant): string;
  /** "in 12 s" under a minute away, else `time(at)`; "now" when past. */
  when(at: Instant): string;
  /** Parts joined with " · ", empty parts dropped. */
  join(...parts: (string | null | undefined | false)[]): string;
  /** Sentences run together: a space between them in English, none in Chinese. */
  sentences(...parts: (string | null | undefined | false)[]): string;
}

export function createSpeaker(locale: Locale, timeZone: string, clock: Clock): Speaker {
  const f: TimeFormatter = timeFormatter(locale, timeZone);
  const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
  const time = (at: Instant) => f.time(at, clock.now());
  return {
    locale,
    timeZone,
    clock,
    t,
    count: (b, n, params) => t(pluralKey(locale, b, n), { ...params, n: f.number(n) }),
    number: f.number,
    percent: f.percent,
    time,
    when(at) {
      const waitMs = new Date(at).getTime() - clock.now().getTime();
      if (waitMs <= 0) return t('time.now');
      if (waitMs < 60_000) return t('time.inSeconds', { seconds: Math.ceil(waitMs / 1000) });
      return time(at);
    },
    join: (...parts) => parts.filter(Boolean).join(t('list.separator')),
    sentences: (...parts) => parts.filter(Boolean).join(locale === 'zh-Hans' ? '' : ' '),
  };
}
