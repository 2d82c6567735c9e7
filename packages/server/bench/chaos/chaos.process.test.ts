import { expect, it } from 'vitest';
import { runChaos } from './run';

// `pnpm bench:chaos` at small scale, with the real parts: the sandbox and `sendwell start` as
// processes, one Exchange Online and one Gmail rep, the server SIGKILLed three times (each while
// the sandbox holds an accepted send's answer, when one comes) and restarted on the same PGlite data. Every draft
// must sit in the provider's Sent folder once, every bounce counted once, the analytics equal.
it('loses, duplicates and double-counts nothing across SIGKILLs (PGlite)', { timeout: 600_000 }, async () => {
  const result = await runChaos({
    store: 'pglite',
    sends: 16,
    kills: 3,
    inFlightEvery: 1,
    reps: 2,
    basePort: 61050,
    seed: 7,
    maxGapMs: 2500,
    leaseMs: 3000,
    drainTimeoutMs: 300_000,
    progress: () => {},
  });
  const { problems, ...figures } = result.verdict;
  expect(result.inFlightKills).toBeGreaterThanOrEqual(1);
  expect({ ...figures, problems, timedOut: result.drainTimedOut }).toEqual({
    lost: 0,
    duplicated: 0,
    doubleCounted: 0,
    missedBounces: 0,
    analyticsOff: 0,
    problems: [],
    timedOut: false,
  });
});
