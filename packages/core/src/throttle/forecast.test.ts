import { describe, expect, it } from 'vitest';
import { forecast } from './forecast';
import { getProfile } from './profiles';

const NOW = new Date('2026-01-05T09:00:00Z');
const ones = (n: number) => Array.from({ length: n }, () => ({ recipients: 1, external: 1 }));

describe('forecast', () => {
  it('says when 400 Exchange emails finish: 27 a minute, two seconds apart', () => {
    // Message i goes at minute floor(i / 27), second 2 * (i % 27): the 400th (i = 399) at 14:42.
    const result = forecast(getProfile('exchange-online'), [], ones(400), NOW);
    expect(result.finishAt).toEqual(new Date('2026-01-05T09:14:42Z'));
    expect(result.items[27]).toMatchObject({
      outcome: 'slot',
      sendAt: new Date('2026-01-05T09:01:00Z'),
      limitedBy: 'window',
    });
  });

  it('spills Gmail consumer sends past the daily target into the next day', () => {
    const result = forecast(getProfile('gmail-consumer'), [], ones(451), NOW);
    // 450 a day at one a second with at most 25 a minute; the 451st waits for the first to age out.
    expect(result.finishAt).toEqual(new Date('2026-01-06T09:00:00Z'));
  });

  it('slows down to the admin batch and reports the clamp', () => {
    const plain = forecast(getProfile('exchange-online'), [], ones(100), NOW);
    const batched = forecast(getProfile('exchange-online'), [], ones(100), NOW, {
      size: 25,
      everySeconds: 45,
    });
    expect(batched.batch).toEqual({ size: 20, everySeconds: 45, clamped: true });
    // The first 20 go two seconds apart; the 21st waits for the batch interval, not the minute window.
    expect(batched.items[19]).toMatchObject({ sendAt: new Date(NOW.getTime() + 38_000) });
    expect(batched.items[20]).toMatchObject({ sendAt: new Date(NOW.getTime() + 45_000), limitedBy: 'batch' });
    // Five batches of 20 need at least 4 x 45 s + 38 s; the minute window may stretch it further.
    expect(batched.finishAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 218_000);
    expect(batched.finishAt!.getTime()).toBeGreaterThan(plain.finishAt!.getTime());
  });

  it('keeps going after an impossible request and reports it', () => {
    const result = forecast(
      getProfile('gmail-workspace'),
      [],
      [
        { recipients: 1, external: 0 },
        { recipients: 150, external: 0 },
        { recipients: 2, external: 1 },
      ],
      NOW,
    );
    expect(result.items.map((i) => i.outcome)).toEqual(['slot', 'rejected', 'slot']);
    expect(result.finishAt).toEqual(new Date(NOW.getTime() + 1_000));
  });

  it('returns no finish time when nothing can be sent', () => {
    expect(forecast(getProfile('gmail-workspace'), [], [], NOW).finishAt).toBeNull();
  });
});
