import { describe, expect, it } from 'vitest';
import { describeAcceptedSend } from './send';

const now = new Date('2026-03-02T09:00:00Z');

describe('describeAcceptedSend', () => {
  it.each([
    [null, /^Queued: going out now\.$/],
    ['2026-03-02T09:00:00.500Z', /^Queued: going out now\.$/],
    ['2026-03-02T09:20:00Z', /^Queued: scheduled for .+\.$/],
  ])('sendAt %s', (sendAt, expected) => {
    expect(describeAcceptedSend({ id: 's', status: 'queued', sendAt }, now)).toMatch(expected);
  });

  it('names another status and appends the explanation', () => {
    expect(
      describeAcceptedSend(
        { id: 's', status: 'submitted', sendAt: null, explanation: 'Sent through Exchange.' },
        now,
      ),
    ).toBe('Accepted (submitted): going out now. Sent through Exchange.');
  });
});
