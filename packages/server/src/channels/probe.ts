import {
  MailboxAuthError,
  type SmtpCheckRequest,
  type SmtpSettings,
  type SmtpTestSendResult,
  type SubmitResult,
} from '@sendwell/core';
import { ApiError } from '../services/errors';
import { findLane, type LaneRow } from '../store/channels';
import { setConnectionState } from '../store/connections';
import { loadCredential } from '../store/credentials';
import type { UserRow } from '../store/rows';
import { laneFor, laneView } from './access';
import { smtpSettingsOf } from './profiles';
import { refuseUnusableServer } from './smtpChannels';
import type { ChannelServiceDeps, SmtpCheckReport } from './types';

/** Settings not saved yet (the form's Check button): nothing is stored, the lane states do not change. */
export async function checkSmtpSettings(
  deps: ChannelServiceDeps,
  input: SmtpCheckRequest,
): Promise<SmtpCheckReport> {
  const { password, ...settings } = input;
  refuseUnusableServer(settings);
  return deps.smtp.check(settings, password);
}

/**
 * Checks a saved lane with its stored password. The answer also settles the lane's state: a refused
 * sign-in marks it `needs-reconnect` (`password-rejected`) so its sends wait for a fixed password
 * instead of failing; a full pass marks it connected again and lets held sends go.
 */
export async function checkSmtpChannel(deps: ChannelServiceDeps, user: UserRow, id: string) {
  const lane = await laneFor(deps.db, user, id, 'use');
  const { settings, password } = await reach(deps, lane);
  const report = await deps.smtp.check(settings, password);
  const authRefused = report.steps.some((s) => s.step === 'auth' && !s.ok);
  if (authRefused) await markPasswordRejected(deps, lane);
  else if (report.ok && lane.state !== 'connected') {
    await setConnectionState(deps.db, lane.id, 'connected', null, deps.clock.now());
    deps.wakeSender();
  }
  const after = await findLane(deps.db, user.tenantId, id);
  return { report, channel: laneView(after ?? lane, user) };
}

const TEST_SUBJECT = 'Sendwell test email';

/** One real email through the lane, From the caller, to them unless they name another address. */
export async function testSendSmtpChannel(
  deps: ChannelServiceDeps,
  user: UserRow,
  id: string,
  to: string | undefined,
): Promise<SmtpTestSendResult> {
  const lane = await laneFor(deps.db, user, id, 'use');
  const { settings, password } = await reach(deps, lane);
  const recipient = to ?? user.email;
  try {
    const result = await deps.smtp.sendTest(settings, password, {
      from: user.email,
      to: recipient,
      subject: TEST_SUBJECT,
    });
    return { outcome: result.status, to: recipient, detail: describe(result, recipient, lane.label) };
  } catch (error) {
    if (!(error instanceof MailboxAuthError)) throw error;
    await markPasswordRejected(deps, lane);
    return { outcome: 'failed', to: recipient, detail: error.message };
  }
}

function describe(result: SubmitResult, to: string, label: string): string {
  switch (result.status) {
    case 'submitted': {
      const refused = result.rejected?.map((r) => `${r.recipient} (${r.status})`).join(', ');
      return refused
        ? `${label} accepted the test email but refused ${refused}.`
        : `${label} accepted the test email for ${to}. Look for it in that inbox.`;
    }
    case 'throttled':
      return `${label} asked Sendwell to slow down: ${result.detail}`;
    case 'failed':
      return `${label} did not take the test email: ${result.detail}`;
  }
}

/** Where the lane's server is and its password: the channel's own, or the operator's hosted server. */
async function reach(
  deps: ChannelServiceDeps,
  lane: LaneRow,
): Promise<{ settings: SmtpSettings; password: string }> {
  if (lane.channelKind === 'legacy-hosted') {
    const legacy = deps.legacySmtp;
    if (!legacy)
      throw new ApiError(
        409,
        'legacy-hosted-not-configured',
        'This Sendwell has no legacy hosted server configured any more. Choose another channel.',
      );
    const { password, ...settings } = legacy;
    return { settings, password };
  }
  const credential = await loadCredential(deps.db, deps.vault, lane.id);
  const settings = smtpSettingsOf(lane);
  if (!credential || !settings)
    throw new ApiError(
      409,
      'channel-password-missing',
      `No password is stored for ${lane.label}: set it again.`,
    );
  return { settings, password: credential.secret };
}

async function markPasswordRejected(deps: ChannelServiceDeps, lane: LaneRow): Promise<void> {
  if (lane.state === 'needs-reconnect' && lane.problem === 'password-rejected') return;
  await setConnectionState(deps.db, lane.id, 'needs-reconnect', 'password-rejected', deps.clock.now());
  deps.forgetLane(lane.id);
}
