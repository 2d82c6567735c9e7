import { describe, expect, it } from 'vitest';
import { describeAcceptedSend } from './send';

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
