import { describe, expect, it } from 'vitest';
import { TEST_ENGINES } from './store/testing';
import { runCampaignScenario } from './testing/campaignScenario';

// The acceptance run, small: 20 people (one block of the mix: good, hard and soft bounces,
// delays, replies, out-of-office) in a 3-step campaign on the sandbox. Every count is checked
// against the sandbox's own truth by `judgeScenario`; `pnpm bench:campaigns` runs 200.
describe.each(TEST_ENGINES)('a 3-step campaign on the sandbox (%s)', (engine) => {
  it('sends each step once, finds and attributes every bounce and reply once, and stops people who left', async () => {
    const result = await runCampaignScenario({
      people: 20,
      ...(engine === 'postgres' ? { postgresAdminUrl: process.env.SENDWELL_TEST_DATABASE_URL } : {}),
    });
    expect(result.problems).toEqual([]);
    expect(result.mix.hard).toBeGreaterThan(0);
    expect(result.mix.reply).toBeGreaterThan(0);
    expect(result.sandboxSent).toBe(result.expectedSent);
  }, 300_000);
});
