import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveBatch } from './batch';
import { forecast } from './forecast';
import { customSmtpProfile, DAY_MS, getProfile, PROFILE_IDS } from './profiles';
import { enforcedWindows, windowsHoldAt } from './testing';
import type { BatchSetting, Reservation, SendRequest, ThrottleProfile } from './types';

const NOW = new Date('2026-01-05T09:00:00Z').getTime();

/** Small custom limits so a few dozen requests reach every window, plus the real profiles. */
const profileArb: fc.Arbitrary<ThrottleProfile> = fc.oneof(
  fc.constantFrom(...PROFILE_IDS).map(getProfile),
  fc
    .record({
      messagesPerMinute: fc.integer({ min: 1, max: 10 }),
      messagesPerDay: fc.integer({ min: 3, max: 40 }),
      recipientsPerDay: fc.integer({ min: 10, max: 200 }),
      recipientsPerMessage: fc.integer({ min: 1, max: 20 }),
    })
    .map(customSmtpProfile),
);

const requestArb = (max: number): fc.Arbitrary<SendRequest> =>
  fc
    .integer({ min: 1, max })
    .chain((recipients) =>
      fc.integer({ min: 0, max: recipients }).map((external) => ({ recipients, external })),
    );

const historyArb: fc.Arbitrary<Reservation[]> = fc
  .array(fc.record({ offset: fc.integer({ min: -DAY_MS - 5_000, max: 0 }), request: requestArb(30) }), {
    maxLength: 40,
  })
  .map((items) => items.map(({ offset, request }) => ({ at: new Date(NOW + offset), ...request })));

const batchArb: fc.Arbitrary<BatchSetting> = fc.record({
  size: fc.integer({ min: 1, max: 40 }),
  everySeconds: fc.integer({ min: 1, max: 600 }),
});

const scenarioArb = fc.record({
  profile: profileArb,
  history: historyArb,
  requests: fc.array(requestArb(120), { minLength: 1, maxLength: 60 }),
  batch: fc.option(batchArb, { nil: null }),
  pauseMs: fc.option(fc.integer({ min: 1, max: 3_600_000 }), { nil: null }),
});

function planned(
  profile: ThrottleProfile,
  history: Reservation[],
  requests: SendRequest[],
  batch: BatchSetting | null,
  pausedUntil: Date | null,
) {
  const result = forecast(profile, history, requests, new Date(NOW), { batch, pausedUntil });
  return result.items.flatMap((item) =>
    item.outcome === 'slot'
      ? [{ at: item.sendAt, recipients: item.recipients, external: item.external }]
      : [],
  );
}

describe('planner properties', () => {
  it('never lets any window exceed its target, whatever the requests', () => {
    fc.assert(
      fc.property(scenarioArb, ({ profile, history, requests, batch, pauseMs }) => {
        const slots = planned(profile, history, requests, batch, pauseMs ? new Date(NOW + pauseMs) : null);
        const all = [...history, ...slots];
        const windows = enforcedWindows(profile, batch);
        for (const slot of slots) expect(windowsHoldAt(windows, all, slot.at.getTime())).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('plans monotone slots, never before now, a pause or the previous slot plus the pacing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ profile, history, requests, batch, pauseMs }) => {
        const floor = Math.max(NOW, pauseMs ? NOW + pauseMs : NOW);
        const slots = planned(profile, history, requests, batch, pauseMs ? new Date(NOW + pauseMs) : null);
        slots.forEach((slot, i) => {
          expect(slot.at.getTime()).toBeGreaterThanOrEqual(floor);
          if (i > 0)
            expect(slot.at.getTime()).toBeGreaterThanOrEqual(
              slots[i - 1]!.at.getTime() + profile.minIntervalMs,
            );
        });
      }),
      { numRuns: 150 },
    );
  });

  it('waits no longer than it must: one millisecond earlier would break a rule', () => {
    fc.assert(
      fc.property(scenarioArb, ({ profile, history, requests, batch }) => {
        const slots = planned(profile, history, requests, batch, null);
        const windows = enforcedWindows(profile, batch);
        const lastHistory = Math.max(NOW, ...history.map((r) => r.at.getTime() + profile.minIntervalMs));
        slots.forEach((slot, i) => {
          const t = slot.at.getTime();
          const floor = i === 0 ? lastHistory : slots[i - 1]!.at.getTime() + profile.minIntervalMs;
          if (t <= floor) return;
          const earlier = { ...slot, at: new Date(t - 1) };
          const before = [...history, ...slots.slice(0, i), earlier];
          expect(windowsHoldAt(windows, before, t - 1)).not.toBeNull();
        });
      }),
      { numRuns: 100 },
    );
  });

  it('never sends faster with a batch setting than without', () => {
    fc.assert(
      fc.property(scenarioArb, batchArb, ({ profile, history, requests }, batch) => {
        const plain = planned(profile, history, requests, null, null);
        const batched = planned(profile, history, requests, batch, null);
        expect(batched).toHaveLength(plain.length);
        batched.forEach((slot, i) => {
          expect(slot.at.getTime()).toBeGreaterThanOrEqual(plain[i]!.at.getTime());
        });
      }),
      { numRuns: 100 },
    );
  });

  it("clamps every batch to at most the rate of the provider's short message windows", () => {
    fc.assert(
      fc.property(profileArb, batchArb, (profile, batch) => {
        const { effective } = effectiveBatch(profile, batch);
        expect(effective.size).toBeLessThanOrEqual(batch.size);
        for (const w of profile.windows.filter((w) => w.metric === 'messages' && w.windowMs <= 3_600_000)) {
          expect(effective.size / (effective.everySeconds * 1000)).toBeLessThanOrEqual(
            w.target / w.windowMs + 1e-12,
          );
        }
      }),
    );
  });
});
