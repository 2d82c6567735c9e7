/**
 * `pnpm bench:campaigns`: the issue's campaign run on the sandbox — 200 people in a 3-step campaign
 * (good, hard bounce, soft bounce, delay, reply, out-of-office, one-click unsubscribe, spam complaint) — on PGlite, and on PostgreSQL when
 * `SENDWELL_TEST_DATABASE_URL` is set. Prints what Sendwell recorded against the sandbox's truth.
 */
import { runCampaignScenario } from '../src/testing/campaignScenario';

const people = Number(process.argv.find((a) => a.startsWith('--people='))?.slice(9) ?? 200);
const engines: [string, string | undefined][] = [['pglite', undefined]];
if (process.env.SENDWELL_TEST_DATABASE_URL)
  engines.push(['postgres', process.env.SENDWELL_TEST_DATABASE_URL]);

let failed = false;
for (const [engine, postgresAdminUrl] of engines) {
  console.log(`\n${engine}: ${people} people, 3 steps`);
  const r = await runCampaignScenario({ people, postgresAdminUrl, log: console.log });
  const mix = Object.entries(r.mix)
    .map(([fate, n]) => `${fate} ${n}`)
    .join(', ');
  console.log(`  mix:                     ${mix}`);
  console.log(
    `  emails sent (sandbox):   ${r.sandboxSent} (expected ${r.expectedSent}); duplicated ${r.duplicated}, missing ${r.missing}`,
  );
  console.log(`  steps after an exit:     ${r.laterStepsAfterExit}`);
  console.log(
    `  failure notices:         found ${r.failureNotices.found}/${r.failureNotices.expected}, attributed ${r.failureNotices.attributed}, counted twice ${r.failureNotices.countedTwice}`,
  );
  console.log(`  delay notices:           found ${r.delayNotices.found}/${r.delayNotices.expected}`);
  console.log(
    `  replies:                 found ${r.replies.found}/${r.replies.expected}, attributed ${r.replies.attributed}, counted twice ${r.replies.countedTwice}`,
  );
  console.log(
    `  auto-replies:            found ${r.autoReplies.found}/${r.autoReplies.expected}, counted as replies ${r.autoReplies.countedAsReplies}`,
  );
  console.log(
    `  people:                  finished ${r.finished}, left bounced ${r.leftBounced}, replied ${r.leftReplied}, unsubscribed ${r.leftUnsubscribed}, complained ${r.leftComplained}; opt-outs suppressed ${r.suppressedOptOuts}`,
  );
  console.log(
    `  analytics vs truth:      ${r.analyticsMismatches.length ? r.analyticsMismatches.join('; ') : 'equal'}`,
  );
  console.log(
    `  feed:                    ${r.feed.eventsSeen}/${r.feed.eventsExpected} events, max ${r.feed.maxLatencyMs} ms after the scan round`,
  );
  console.log(`  mutating calls on mail:  ${r.mutatingCalls}`);
  console.log(
    `  run:                     ${r.rounds} worker rounds, ${r.simulatedHours} simulated hours, ${r.wallSeconds} s wall`,
  );
  console.log(`  verdict:                 ${r.problems.length ? `FAIL — ${r.problems.join('; ')}` : 'pass'}`);
  if (r.problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
