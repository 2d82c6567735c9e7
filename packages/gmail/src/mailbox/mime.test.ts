import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildMime, encodeHeaderWord, formatMailDate, fromRaw, type MimeMessage, toRaw } from './mime';

const base: MimeMessage = {
  from: 'rep@example.com',
  to: ['ada@example.com', 'bob@example.com'],
  subject: 'Quick question',
  html: '<p>Hello</p>',
  messageId: 'send-1@sendwell.local',
  sendwellId: 'send-1',
  date: new Date('2026-03-02T10:00:00Z'),
};

describe('encodeHeaderWord', () => {
  it.each([
    ['Quick question', 'Quick question'],
    ['line\r\nBcc: evil@x', 'line Bcc: evil@x'],
    ['Grüße', '=?UTF-8?B?R3LDvMOfZQ==?='],
  ])('%j', (input, expected) => {
    expect(encodeHeaderWord(input)).toBe(expected);
  });

  it('splits long text into words under 76 characters without breaking characters', () => {
    const text = 'Привет, это очень длинная тема письма для проверки 🚀🚀🚀';
    const words = encodeHeaderWord(text).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(text);
  });
});

describe('buildMime', () => {
  it('formats the date as RFC 5322', () => {
    expect(formatMailDate(base.date)).toBe('Mon, 02 Mar 2026 10:00:00 +0000');
  });

  it.each<[string, Partial<MimeMessage>]>([
    ['plain', {}],
    [
      'utf-8 subject and body, cc and bcc',
      {
        subject: 'Grüße aus Köln — 🚀',
        html: '<p>Schöne Grüße</p>',
        cc: ['c@example.com'],
        bcc: ['b@example.com'],
      },
    ],
  ])('round-trips through a MIME parser: %s', async (_name, change) => {
    const message = { ...base, ...change };
    const raw = toRaw(buildMime(message));
    expect(raw).not.toMatch(/[+/=]/);
    const parsed = await PostalMime.parse(fromRaw(raw));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.html?.trim()).toBe(message.html);
    expect(parsed.messageId).toBe(`<${message.messageId}>`);
    expect(parsed.to?.map((a) => a.address)).toEqual(message.to);
    expect(parsed.cc?.map((a) => a.address)).toEqual(message.cc);
    const header = (name: string) => parsed.headers.find((h) => h.key === name)?.value;
    expect(header('x-sendwell-id')).toBe('send-1');
    expect(header('bcc')).toBe(message.bcc?.join(', '));
  });

  it.each<[string, Partial<MimeMessage>, Record<string, string | undefined>]>([
    ['a new thread', {}, { 'in-reply-to': undefined, references: undefined, 'list-unsubscribe': undefined }],
    [
      'a reply after two earlier emails',
      { inReplyTo: 'two@sendwell.local', references: ['one@sendwell.local'] },
      { 'in-reply-to': '<two@sendwell.local>', references: '<one@sendwell.local> <two@sendwell.local>' },
    ],
    [
      'a one-click unsubscribe (RFC 8058)',
      { listUnsubscribeUrl: 'https://sendwell.example/u/tok' },
      {
        'list-unsubscribe': '<https://sendwell.example/u/tok>',
        'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      },
    ],
  ])('threading and list headers: %s', async (_name, change, expected) => {
    const parsed = await PostalMime.parse(fromRaw(toRaw(buildMime({ ...base, ...change }))));
    for (const [name, value] of Object.entries(expected))
      expect(parsed.headers.find((h) => h.key === name)?.value).toBe(value);
    if (change.inReplyTo) expect(parsed.inReplyTo).toBe(`<${change.inReplyTo}>`);
  });

  it('keeps an injected line break out of the headers', () => {
    const mime = buildMime({ ...base, sendwellId: 'x\r\nBcc: evil@example.com' });
    expect(mime.split('\r\n\r\n')[0]).not.toMatch(/^Bcc:/m);
  });
});
