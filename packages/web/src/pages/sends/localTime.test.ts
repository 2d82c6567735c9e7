import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './localTime';

describe('datetime-local values', () => {
  it('round-trips an instant to the minute in the local time zone', () => {
    const at = new Date('2026-12-04T21:45:00Z');
    expect(fromLocalInput(toLocalInput(at))).toBe('2026-12-04T21:45:00.000Z');
  });

  it.each(['', '2026-12-04', 'tomorrow', '2026-13-40T99:99'])('refuses %j', (value) => {
    expect(fromLocalInput(value)).toBeNull();
  });
});
