import { describe, expect, it } from 'vitest';
import { type DraftContent, personalise } from './personalise';

const draft = (over: Partial<DraftContent>): DraftContent => ({
  to: [{ email: 'ada@example.com', displayName: 'Ada Lovelace' }],
  cc: [],
  bcc: [],
  subject: 'Quick question',
  body: '<p>Hello</p>',
  format: 'html',
  ...over,
});

describe('personalise: nothing with an unfilled tag is ready (observation 4)', () => {
  it('sends one email as written when no tag is left', () => {
    const result = personalise(draft({ cc: ['cc@example.com'] }), 'one');
    expect(result).toEqual({
      outcome: 'ready',
      messages: [
        {
          to: ['ada@example.com'],
          cc: ['cc@example.com'],
          bcc: [],
          subject: 'Quick question',
          body: '<p>Hello</p>',
          mergedFor: null,
        },
      ],
    });
  });

  it.each([
    ['body', draft({ body: 'Hello {{recipient.firstName}}' }), ['{{recipient.firstName}}']],
    ['subject', draft({ subject: 'For {{recipient.company}}' }), ['{{recipient.company}}']],
  ])('refuses one email with a tag left in the %s, naming it', (_where, input, tags) => {
    const result = personalise(input, 'one');
    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.code).toBe('unfilled-tags');
    expect(result.details).toEqual(tags);
    for (const tag of tags) expect(result.message).toContain(tag);
  });
});

describe('personalise: one email each (observation 5)', () => {
  const people = [
    { email: 'ada@example.com', displayName: 'Ada Lovelace' },
    { email: 'bob@example.com', displayName: 'Bob <b>Smith</b>' },
  ];

  it('merges each message for its own recipient, escaping values in HTML', () => {
    const result = personalise(
      draft({ to: people, subject: 'For {{recipient.firstName}}', body: '<p>Hi {{recipient.name}}</p>' }),
      'each',
    );
    expect(result.outcome).toBe('ready');
    if (result.outcome !== 'ready') return;
    expect(result.messages.map((m) => [m.to, m.subject, m.body, m.mergedFor])).toEqual([
      [['ada@example.com'], 'For Ada', '<p>Hi Ada Lovelace</p>', 'ada@example.com'],
      [['bob@example.com'], 'For Bob', '<p>Hi Bob &lt;b&gt;Smith&lt;/b&gt;</p>', 'bob@example.com'],
    ]);
  });

  it('refuses when a recipient lacks a value, naming who and which field', () => {
    const result = personalise(
      draft({ to: [people[0]!, { email: 'noname@example.com' }], body: 'Hi {{recipient.firstName}}' }),
      'each',
    );
    expect(result.outcome).toBe('refused');
    if (result.outcome !== 'refused') return;
    expect(result.code).toBe('missing-values');
    expect(result.lacking).toEqual([{ address: 'noname@example.com', tags: ['{{recipient.firstName}}'] }]);
  });

  it('refuses Cc and Bcc, which would get every copy', () => {
    const result = personalise(draft({ to: people, bcc: ['boss@example.com'] }), 'each');
    expect(result.outcome === 'refused' && result.code).toBe('each-with-copies');
  });
});
