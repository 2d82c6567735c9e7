import { describe, expect, it } from 'vitest';
import { evidenceLines } from './unattributedApi';

describe('evidenceLines', () => {
  it.each([
    [
      'a bounce: the known keys first, empty ones left out',
      { diagnostic: '550 5.1.1 unknown', status: '5.1.1', hard: true, noticeId: 'n1', action: null },
      ['status: 5.1.1', 'hard: true', 'diagnostic: 550 5.1.1 unknown', 'noticeId: n1'],
    ],
    [
      'a reply: ids joined, unknown keys kept',
      { inReplyTo: ['a@sendwell.local'], references: [], auto: false, extra: { x: 1 } },
      ['inReplyTo: a@sendwell.local', 'auto: false', 'extra: {"x":1}'],
    ],
  ])('%s', (_name, evidence, lines) => {
    expect(evidenceLines(evidence).map((l) => `${l.label}: ${l.value}`)).toEqual(lines);
  });
});
