import { describe, expect, it } from 'vitest';
import { dateTimeLocalMs, dateTimeLocalValue, renderCard } from './render.js';

// The Gmail add-on's "send at" (google.apps.card.v1 DateTimePicker, DATE_AND_TIME): shown as a
// datetime-local input in the picker's offset, answered as the instant Gmail would send back.
describe('dateTimePicker in the previewer', () => {
  it.each<[string, number, number, string]>([
    ['UTC', Date.parse('2026-03-03T09:30:00Z'), 0, '2026-03-03T09:30'],
    ['UTC+1 (London summer)', Date.parse('2026-07-03T08:30:00Z'), 60, '2026-07-03T09:30'],
    ['UTC-5 (New York)', Date.parse('2026-03-03T14:30:00Z'), -300, '2026-03-03T09:30'],
    ['UTC+5:30 across midnight', Date.parse('2026-03-03T20:00:00Z'), 330, '2026-03-04T01:30'],
  ])('%s: the wall time shown, and back to the same instant', (_name, ms, offset, wall) => {
    expect(dateTimeLocalValue(String(ms), offset)).toBe(wall);
    expect(dateTimeLocalMs(wall, offset)).toBe(ms);
  });

  it('an empty or broken value is absent', () => {
    expect(dateTimeLocalValue(undefined, 0)).toBe('');
    expect(dateTimeLocalMs('', 0)).toBeNull();
    expect(dateTimeLocalMs('not a time', 0)).toBeNull();
  });

  it('renders a datetime-local input found by the picker name, with its offset', () => {
    const { html } = renderCard({
      name: 'compose',
      sections: [
        {
          widgets: [
            {
              dateTimePicker: {
                name: 'send-at',
                label: 'Send at (optional)',
                type: 'DATE_AND_TIME',
                timezoneOffsetDate: 60,
                valueMsEpoch: String(Date.parse('2026-07-03T08:30:00Z')),
              },
            },
          ],
        },
      ],
    });
    expect(html).toContain(
      '<label class="w-datetime" data-widget="dateTimePicker">Send at (optional)<input type="datetime-local" data-input-name="send-at" data-testid="send-at" data-input-kind="dateTime" data-tz-offset="60" value="2026-07-03T09:30"></label>',
    );
  });
});
