import { describe, expect, it } from 'vitest';
import { runInstances } from '../bench/instances/run';

// `pnpm bench:instances` at small scale, same machinery: the sandbox and two `sendwell start`
// processes on one PostgreSQL, reps onboarded over HTTP, sends through both instances, judged by the
// sandbox's own Sent folders and call log. Figures only, no timing: the bench prints the latency.
describe.skipIf(!process.env.SENDWELL_TEST_DATABASE_URL)(
  'two sendwell start processes on one PostgreSQL',
  { timeout: 300_000 },
  () => {
    it('12 sends over an Exchange and a Gmail mailbox: each in Sent once, no window overspent, each on the other feed', async () => {
      const r = await runInstances({ sends: 12, mailboxes: 2, basePort: 61110, log: () => {} });
      expect({
        sent: r.sent,
        lost: r.delivery.lost.length,
        duplicated: r.delivery.duplicated,
        notDuplicate: r.mismatches,
        overspent: r.delivery.overspent,
        unjudged: r.delivery.truncated,
        missingOnOtherFeed: r.feed.missing,
      }).toEqual({
        sent: 12,
        lost: 0,
        duplicated: 0,
        notDuplicate: [],
        overspent: [],
        unjudged: 0,
        missingOnOtherFeed: 0,
      });
    });
  },
);
