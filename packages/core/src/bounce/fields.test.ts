import { describe, expect, it } from 'vitest';
import { readHeaderBlock, readHeaderFields } from './fields';

const NAMES = ['message-id', 'subject', 'from', 'to', 'in-reply-to'];

/** What readHeaderFields must return: readHeaderBlock's fields with those names. */
function expected(text: string): Map<string, string> {
  const block = readHeaderBlock(text);
  return new Map([...block].filter(([name]) => NAMES.includes(name)));
}

describe('readHeaderFields', () => {
  it.each([
    ['plain', 'From: a@b.example\nTo: c@d.example\nSubject: Hi\n\nbody'],
    ['folded', 'Subject: one\n two\n\tthree\nFrom: x\n'],
    ['first occurrence wins, its folds only', 'Subject: a\n x\nSubject: b\n y\nTo: t'],
    ['malformed first occurrence does not count', 'Subject: a\rb\nSubject: c'],
    ['names with other suffixes', 'X-Original-To: no\nTo-Do: no\nFromage: no\nTo : yes\nFROM:up'],
    ['stops at the first blank line', 'To: a\n  \nSubject: after'],
    ['whitespace-only last line ends the fold', 'Subject: a\n   '],
    ['line start after a CR is not a line start', 'X-A: q\rSubject: no\nTo: t'],
    ['leading blank line', '  \nSubject: s'],
    ['colon on the next line', 'Subject\n: no\nMessage-ID: <id@x>'],
    ['empty', ''],
  ])('%s', (_, text) => {
    expect(readHeaderFields(text, NAMES)).toEqual(expected(text));
  });

  it('agrees with readHeaderBlock on random header texts', () => {
    const parts = [
      'Subject',
      'subject',
      'To',
      'From',
      'Message-ID',
      'X-To',
      'Received',
      ':',
      ': ',
      ' ',
      '\t',
      '\n',
      '\r',
      'a',
      'b@c',
      '  \n',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = next() % 30;
      for (let i = 0; i < length; i++) text += parts[next() % parts.length];
      expect(readHeaderFields(text, NAMES), JSON.stringify(text)).toEqual(expected(text));
    }
  });
});
