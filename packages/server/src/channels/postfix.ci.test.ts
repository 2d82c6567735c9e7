import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaneBounceRig, sendThroughLaneUntilBounce, startLaneBounceRig } from './laneBounceKit';

/**
 * A real Postfix's DSN reaches the rep. Needs `scripts/ci/postfix-loopback.sh <port>` first (root:
 * Postfix on 127.0.0.1:25, the sandbox domains routed to <port>); `.ci/run` does that and sets
 * SENDWELL_TEST_POSTFIX=1. The path: ava's SMTP channel (127.0.0.1:25, no TLS: loopback only) →
 * Postfix → local(8) bounces the unknown user with a real DSN → to ava@contoso.test → the sandbox's
 * SMTP server as MX → ava's sandbox inbox → the scanner → a bounce event for that send in the feed.
 */
const ENABLED = process.env.SENDWELL_TEST_POSTFIX === '1';
const SANDBOX_SMTP_PORT = Number(process.env.SENDWELL_TEST_POSTFIX_SANDBOX_PORT ?? 2526);
/** Postfix's own domain (script: mydestination = $myhostname): its local(8) bounces unknown users. */
const POSTFIX_LOCAL_DOMAIN = 'postfix.sendwell-ci.test';
/** Rounds of the workers, a second apart, before the test gives up on Postfix's DSN arriving. */
const MAX_ROUNDS = 60;

const skipReason = 'skipped: set SENDWELL_TEST_POSTFIX=1 after scripts/ci/postfix-loopback.sh (CI, as root)';

describe.skipIf(!ENABLED)(
  `a real Postfix DSN reaches the rep's inbox and the feed${ENABLED ? '' : ` (${skipReason})`}`,
  () => {
    let rig: LaneBounceRig;
    beforeAll(async () => {
      rig = await startLaneBounceRig(SANDBOX_SMTP_PORT);
    });
    afterAll(() => rig?.close());

    it(
      'sends through Postfix, which bounces the unknown user back to ava as a DSN the scanner reads',
      async () => {
        const nobody = `nobody-${randomBytes(4).toString('hex')}@${POSTFIX_LOCAL_DOMAIN}`;
        const postfix = {
          host: '127.0.0.1',
          port: 25,
          security: 'none' as const,
          username: 'ava',
          password: 'postfix-asks-for-none',
        };
        const seen = await sendThroughLaneUntilBounce(rig, postfix, nobody, {
          dsnRole: 'mx',
          maxRounds: MAX_ROUNDS,
        });
        expect(
          seen.dsn,
          `Postfix's DSN reached the sandbox as ava's MX (the send is ${seen.sendStatus})`,
        ).toMatchObject({ deliveredTo: ['ava@contoso.test'] });
        expect(seen.bounce, `a bounce event in the feed: ${JSON.stringify(seen.feedTypes)}`).toMatchObject({
          sendId: seen.sendId,
          detail: { status: '5.1.1', reason: 'userunknown', hard: true },
        });
      },
      (MAX_ROUNDS * 3 + 30) * 1000,
    );
  },
);
