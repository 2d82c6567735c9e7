import { describe, expect, it } from 'vitest';
import type { SavedDraft } from '../deps';
import { draftFingerprint, firstLine, invalidInAudience, matchDraft } from './savedDraft';

const saved = (id: string, to: string[], savedAt: string, change: Partial<SavedDraft> = {}): SavedDraft => ({
  id,
  threadId: `th-${id}`,
  to: to.map((email) => ({ email })),
  cc: [],
  bcc: [],
  subject: 's',
  html: '<p>b</p>',
  savedAt,
  ...change,
});

describe('matchDraft', () => {
  const drafts = [
    saved('r-old', ['ada@example.com'], '2026-03-02T09:00:00Z'),
    saved('r-new', ['ada@example.com'], '2026-03-02T10:00:00Z'),
    saved('r-bob', ['bob@example.com'], '2026-03-02T11:00:00Z'),
  ];

  it('finds the newest saved draft with exactly these recipients, counting the others', () => {
    const audience = { to: ['Ada Lovelace <ADA@example.com>'], cc: [], bcc: [] };
    expect(matchDraft(drafts, audience)).toMatchObject({ draft: { id: 'r-new' }, others: 1 });
  });

  it.each([
    ['different To', { to: ['carol@example.com'], cc: [], bcc: [] }],
    ['an extra Cc', { to: ['ada@example.com'], cc: ['c@example.com'], bcc: [] }],
    ['another thread (a reply)', { to: ['ada@example.com'], cc: [], bcc: [], threadId: 'th-x' }],
  ])('finds nothing for %s', (_name, audience) => {
    expect(matchDraft(drafts, audience)).toBeNull();
  });
});

describe('the rest', () => {
  it('names invalid addresses with core emailAddressSchema', () => {
    expect(invalidInAudience({ to: ['Ada <ada@exam"ple.com>', 'bob@example.com'], cc: [], bcc: [] })).toEqual(
      ['ada@exam"ple.com'],
    );
  });

  it.each([
    ['<p>Hi Ada,</p><p>More</p>', 'Hi Ada,'],
    ['<div><br></div><div>Tom &amp; Jerry &lt;3</div>', 'Tom & Jerry <3'],
    ['plain<br>second', 'plain'],
  ])('first line of %s', (html, line) => {
    expect(firstLine(html)).toBe(line);
  });

  it('changes the fingerprint when the draft changes', () => {
    const a = saved('r-1', ['ada@example.com'], 'x');
    expect(draftFingerprint(a)).toBe(draftFingerprint({ ...a, savedAt: 'y' }));
    expect(draftFingerprint(a)).not.toBe(draftFingerprint({ ...a, html: '<p>edited</p>' }));
  });
});
