import { describe, expect, it } from 'vitest';
import { answersAlikeOnTwin, latin1Twin, oneByteCopy } from './text';

describe('oneByteCopy', () => {
  it.each(['plain ascii', 'Zustellung verzögert', '', '\ufeffBOM first'])('keeps the value of %j', (text) => {
    expect(oneByteCopy(text)).toBe(text);
  });

  it('keeps a text with a character beyond Latin-1 as it is', () => {
    const wide = 'could not be delivered’';
    expect(oneByteCopy(wide)).toBe(wide);
  });
});

describe('latin1Twin', () => {
  // Each pattern is one the twin must answer alike for; each text has characters beyond Latin-1.
  const patterns = [
    /\buser unknown\b/,
    /(?<![a-z])(?:no such (user|mailbox))/,
    /[^\s<>]{1,40}@\S+ (rejected|refused)/i,
    /^.{0,3}:$/m,
    /\W{2}x/,
    /\S+ ブロック/u,
  ];
  const texts = [
    '550 user unknown ’',
    'ユーザー unknown\u2028no such user',
    '“no such mailbox”',
    'a@b ログ rejected',
    'エラー:',
    '\ud83d\udc08\ud83d\udc08x',
    'user\u3000unknown ÿ',
    'ÿ user unknown',
  ];

  it.each(patterns.filter(answersAlikeOnTwin))('answers %s alike on every text', (pattern) => {
    for (const text of texts) expect(pattern.test(latin1Twin(text)), text).toBe(pattern.test(text));
  });

  it('keeps positions and a text with wide white space', () => {
    expect(latin1Twin('ab’cd')).toBe('ab\x80cd');
    expect(latin1Twin('ab\u3000’cd')).toBe('ab\u3000’cd');
    expect(latin1Twin('plain')).toBe('plain');
  });

  it.each([
    [/caf\u00e9/, false],
    [/ÿ/i, false],
    [/(a)\1/, false],
    [/\k<n>(?<n>a)/, false],
    [/\x80/, false],
    [/\p{L}/u, false],
    [/user (unknown|not found)\b/i, true],
  ])('%s is twin-safe: %s', (pattern, safe) => {
    expect(answersAlikeOnTwin(pattern)).toBe(safe);
  });
});
