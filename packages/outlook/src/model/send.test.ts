import { describe, expect, it } from 'vitest';
import { describeAcceptedSend, sendProgress } from './send';

const now = new Date('2026-03-02T09:00:00Z');

describe('describeAcceptedSend', () => {
  it.each([
    ['queued', null, /^Queued — going out now$/],
    ['scheduled', '2026-03-02T09:00:00.500Z', /^Queued — going out now$/],
    ['scheduled', '2026-03-02T09:20:00Z', /^Queued — scheduled for .+$/],
    ['submitted', null, /^Sent$/],
  ])('%s at %s', (status, sendAt, expected) => {
    expect(describeAcceptedSend({ id: 's', status, sendAt }, now).title).toMatch(expected);
  });

  it("keeps the server's explanation as the detail", () => {
    const view = describeAcceptedSend(
      { id: 's', status: 'queued', sendAt: null, explanation: ' Sent through Exchange. ' },
      now,
    );
    expect(view.detail).toBe('Sent through Exchange.');
  });
});

describe('sendProgress', () => {
  const at = '2026-03-02T09:01:00Z';
  it.each([
    [[], null],
    [[{ type: 'send.queued', at, sendId: 's1' }], null],
    [[{ type: 'send.submitted', at, sendId: 's2' }], null],
    [[{ type: 'send.submitted', at, sendId: 's1' }], 'submitted'],
    [[{ type: 'send.failed', at, sendId: 's1', detail: { error: 'Graph 400' } }], 'failed'],
    [
      [
        { type: 'bounce', at, sendId: 's1', recipient: 'x@bounce.test', detail: { hard: true } },
        { type: 'send.submitted', at, sendId: 's1' },
      ],
      'bounced',
    ],
    [
      [{ type: 'bounce', at, sendId: 's1', recipient: 'x@delay.test', detail: { action: 'delayed' } }],
      'delayed',
    ],
  ])('%j → %s', (events, state) => {
    expect(sendProgress('s1', events, now)?.state ?? null).toBe(state);
  });

  it('words a failure with its error', () => {
    expect(
      sendProgress('s1', [{ type: 'send.failed', at, sendId: 's1', detail: { error: 'Graph 400' } }], now)
        ?.text,
    ).toBe('Send failed · Graph 400');
  });
});
