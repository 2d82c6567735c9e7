import { SANDBOX_SMTP_PASSWORD } from '@sendwell/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaneBounceRig, sendThroughLaneUntilBounce, startLaneBounceRig } from './laneBounceKit';

/**
 * The same flow as the Postfix CI test, with the sandbox's SMTP relay as the server: an SMTP lane's
 * send to a bounce domain comes back to the rep's own inbox as a Postfix-style DSN, and the scanner
 * records the bounce against that send (its lane has no inbox of its own).
 */
let rig: LaneBounceRig;
beforeAll(async () => {
  rig = await startLaneBounceRig(0);
});
afterAll(() => rig?.close());

type Case = [to: string, status: string, reason: string, hard: boolean];
const CASES: Case[] = [
  ['pat@bounce.test', '5.1.1', 'userunknown', true],
  ['kim@full.test', '5.2.2', 'mailboxfull', false],
];

describe('an SMTP lane through the sandbox relay', () => {
  it.each(CASES)(
    'a send to %s comes back as a bounce of that send (%s %s)',
    async (to, status, reason, hard) => {
      const relay = {
        host: '127.0.0.1',
        port: rig.sendwell.sandbox!.smtp.port!,
        security: 'starttls' as const,
        allowSelfSigned: true,
        username: 'ava',
        password: SANDBOX_SMTP_PASSWORD,
      };
      const seen = await sendThroughLaneUntilBounce(rig, relay, to, { dsnRole: 'relay', maxRounds: 10 });
      expect(seen.dsn?.authUser, `the lane authenticated (the send is ${seen.sendStatus})`).toBe('ava');
      expect(seen.bounce, `a bounce event in the feed: ${JSON.stringify(seen.feedTypes)}`).toMatchObject({
        sendId: seen.sendId,
        detail: { status, reason, hard },
      });
    },
  );
});
