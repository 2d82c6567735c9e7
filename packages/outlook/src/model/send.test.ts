import { describe, expect, it } from 'vitest';
import { lifeText, untilText } from './send';
import { followSend, overallState } from './sendLife';

const now = new Date('2026-03-02T09:00:00Z');
const at = '2026-03-02T09:01:00Z';
const queued = { id: 's1', status: 'queued', sendAt: null, to: ['x@bounce.test', 'y@full.test'] };

describe('followSend', () => {
  it.each([
    [[], 'queued'],
    [[{ type: 'send.submitted', at, sendId: 's2' }], 'queued'],
    [[{ type: 'send.submitted', at, sendId: 's1' }], 'sent'],
    [[{ type: 'send.failed', at, sendId: 's1', detail: { error: 'Graph 400' } }], 'failed'],
    [
      [{ type: 'bounce', at, sendId: 's1', recipient: 'x@delay.test', detail: { action: 'delayed' } }],
      'delayed',
    ],
    [
      [
        { type: 'bounce', at, sendId: 's1', recipient: 'x@bounce.test', detail: { hard: true } },
        { type: 'send.submitted', at, sendId: 's1' },
      ],
      'bounced',
    ],
  ])('%j → %s', (events, state) => {
    expect(followSend(queued, events, now).state).toBe(state);
  });

  // Observation 11 (pane side): a two-recipient send showed only the delay, hiding the soft bounce.
  it("keeps every recipient's outcome, a bounce outranking an earlier delay", () => {
    const events = [
      {
        type: 'bounce',
        at: '2026-03-02T09:03:00Z',
        sendId: 's1',
        recipient: 'y@full.test',
        detail: { hard: false, reason: 'mailboxfull' },
      },
      {
        type: 'bounce',
        at: '2026-03-02T09:02:00Z',
        sendId: 's1',
        recipient: 'z@delay.test',
        detail: { action: 'delayed' },
      },
      { type: 'bounce', at, sendId: 's1', recipient: 'y@full.test', detail: { action: 'delayed' } },
    ];
    const life = followSend(queued, events, now);
    expect(life.outcomes.map((outcome) => [outcome.recipient, outcome.state])).toEqual([
      ['y@full.test', 'bounced'],
      ['z@delay.test', 'delayed'],
    ]);
    expect(lifeText(life, now)).toMatch(/y@full\.test bounced \(soft\).*z@delay\.test is delayed/);
  });

  it('is scheduled while its slot is ahead, queued once it has come', () => {
    const scheduled = { ...queued, sendAt: '2026-03-02T09:30:00Z' };
    expect(followSend(scheduled, [], now).state).toBe('scheduled');
    expect(followSend(scheduled, [], new Date('2026-03-02T09:30:00Z')).state).toBe('queued');
  });

  it('headlines the state that needs attention most', () => {
    const lives = [
      followSend(queued, [], now),
      followSend({ ...queued, id: 's2', status: 'submitted' }, [], now),
    ];
    expect(overallState(lives)).toBe('queued');
  });
});

describe('untilText', () => {
  it.each([
    ['2026-03-02T09:00:00.400Z', 'in 1 s'],
    ['2026-03-02T09:00:59Z', 'in 59 s'],
    ['2026-03-02T09:30:00Z', 'in 30 min'],
    ['2026-03-02T11:00:00Z', 'in 2 h'],
  ])('%s → %s', (iso, text) => expect(untilText(new Date(iso), now)).toBe(text));
});
