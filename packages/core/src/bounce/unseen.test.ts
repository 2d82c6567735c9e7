import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBounce } from './engine';
import type { BounceReason, DeliveryAction, MessageKind } from './types';

/**
 * Notices the corpus does not have: today's providers and gateways, written from their documented
 * layouts (each fixture's `Comments:` header says which). The engine never sees the file names; the
 * table only holds what a careful reader of each notice would answer. Every bounce fixture returns
 * the original `<unseen-NN@mail.example.com>` with `X-Sendwell-Id: sw_unseen_NN`.
 */
const DIR = join(__dirname, 'fixtures', 'unseen');
const read = (file: string) => readFileSync(join(DIR, file));

type Quota = 'gmail' | 'exchange' | null;
/**
 * file, recipient, action, status (or the statuses accepted: a notice with no enhanced code has
 * none), reason, hard, quota signal
 */
type Row = [string, string, DeliveryAction, string | (string | null)[], BounceReason, boolean, Quota];

const to = 'prospect@example.net';
const yahoo = 'prospect@yahoo.example';
// biome-ignore format: one fixture per line reads as a table
const BOUNCES: Row[] = [
  // Microsoft 365 / Exchange Online
  ['m365-recipnotfound-5.1.1.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['m365-enhanced-5.1.1.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['m365-html-only-no-report.eml', to, 'failed', '5.1.10', 'userunknown', true, null],
  ['m365-german-unzustellbar.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['m365-notauthorized-5.7.1.eml', 'sales@example.net', 'failed', '5.7.1', 'securityerror', false, null],
  ['m365-traffic-not-accepted-5.7.708.eml', to, 'failed', '5.7.708', 'ratelimited', false, 'exchange'],
  ['m365-dmarc-reject-5.7.509.eml', to, 'failed', '5.7.509', 'authfailure', false, null],
  ['m365-spf-5.7.23.eml', to, 'failed', '5.7.23', 'authfailure', false, null],
  ['m365-delay-4.4.7.eml', to, 'delayed', '4.4.7', 'expired', false, null],
  // An expiry may report its Status (4.4.7) or, as Sisimai does, the last attempt's code.
  ['m365-expired-4.4.7.eml', to, 'failed', ['4.4.7', '4.3.2'], 'expired', false, null],
  ['m365-expired-connection-refused-5.4.316.eml', to, 'failed', '5.4.316', 'expired', false, null],
  ['m365-access-denied-5.4.1.eml', 'nobody@example.net', 'failed', '5.4.1', 'userunknown', true, null],
  ['m365-group-restricted-5.7.133.eml', 'allstaff@example.net', 'failed', '5.7.133', 'rejected', false, null],
  ['m365-external-forwarding-5.7.520.eml', to, 'failed', '5.7.520', 'securityerror', false, null],
  ['m365-submission-quota-5.2.2.eml', to, 'failed', '5.2.2', 'ratelimited', false, 'exchange'],
  ['m365-daily-recipient-limit-5.1.90.eml', to, 'failed', '5.1.90', 'ratelimited', false, 'exchange'],
  ['m365-recipient-throttled-5.2.121.eml', to, 'failed', '5.2.121', 'speeding', false, null],
  // Outlook.com / Hotmail
  ['outlookcom-mailbox-unavailable-5.5.0.eml', 'prospect@hotmail.example', 'failed', '5.5.0', 'userunknown', true, null],
  ['outlookcom-blocklist-s3140.eml', 'prospect@hotmail.example', 'failed', '5.7.1', 'blocked', false, null],
  ['outlookcom-consumer-ndr-5.4.310.eml', to, 'failed', '5.4.310', 'hostunknown', true, null],
  // Gmail / Google Workspace
  ['gmail-nosuchuser-5.1.1.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['gmail-inbox-full-5.2.2.eml', to, 'failed', '5.2.2', 'mailboxfull', false, null],
  ['gmail-disabled-5.2.1.eml', to, 'failed', '5.2.1', 'suspend', false, null],
  ['gmail-unauthenticated-5.7.26.eml', to, 'failed', '5.7.26', 'authfailure', false, null],
  ['gmail-ratelimited-4.7.28.eml', to, 'delayed', '4.7.28', 'blocked', false, null],
  ['gmail-too-large-5.3.4.eml', to, 'failed', '5.3.4', 'mesgtoobig', false, null],
  ['gmail-low-reputation-5.7.1.eml', to, 'failed', '5.7.1', 'badreputation', false, null],
  // The corpus labels Gmail's "content presents a potential security issue" policyviolation.
  ['gmail-blocked-content-5.7.0.eml', to, 'failed', '5.7.0', 'policyviolation', false, null],
  ['gmail-gcdp-policy-5.7.1.eml', to, 'failed', '5.7.1', 'policyviolation', false, null],
  ['gmail-sending-limit-5.4.5.eml', to, 'failed', '5.4.5', 'ratelimited', false, 'gmail'],
  ['gmail-ptr-5.7.25.eml', to, 'failed', '5.7.25', 'requireptr', false, null],
  // Gmail says 4.0.0 for a domain that does not resolve; the corpus labels it networkerror.
  ['gmail-domain-not-found.eml', 'prospect@no-such-domain.example', 'failed', '4.0.0', 'networkerror', false, null],
  ['gmail-delay-no-connect-4.4.1.eml', to, 'delayed', '4.4.1', 'expired', false, null],
  // Yahoo / AOL, iCloud, GMX
  ['yahoo-dd-no-account-554.eml', yahoo, 'failed', [null], 'userunknown', true, null],
  ['yahoo-tss04-delay-4.7.0.eml', yahoo, 'delayed', '4.7.0', 'badreputation', false, null],
  ['yahoo-tss09-5.7.2.eml', yahoo, 'failed', '5.7.2', 'rejected', false, null],
  ['yahoo-policy-5.7.9.eml', yahoo, 'failed', '5.7.9', 'policyviolation', false, null],
  ['yahoo-unauthenticated-5.7.9.eml', yahoo, 'failed', '5.7.9', 'authfailure', false, null],
  ['aol-exim-user-unknown.eml', 'prospect@aol.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['icloud-user-unknown-5.1.1.eml', 'prospect@icloud.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['icloud-blocked-5.7.0.eml', 'prospect@icloud.example', 'failed', '5.7.0', 'blocked', false, null],
  ['icloud-local-policy-cs01.eml', 'prospect@icloud.example', 'failed', '5.7.1', 'policyviolation', false, null],
  ['icloud-excessive-volume-4.7.1.eml', 'prospect@icloud.example', 'delayed', '4.7.1', 'speeding', false, null],
  ['icloud-inactive-5.1.1.eml', 'prospect@icloud.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['gmx-mailbox-unavailable-5.1.1.eml', 'prospect@gmx.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['godaddy-spamhaus-ib104.eml', to, 'failed', '5.0.0', 'blocked', false, null],
  ['godaddy-spf-ib508.eml', to, 'failed', '5.0.0', 'authfailure', false, null],
  // Security gateways
  ['proofpoint-policy-5.7.1.eml', to, 'failed', '5.7.1', 'policyviolation', false, null],
  ['proofpoint-ip-blocked.eml', to, 'failed', '5.0.0', 'blocked', false, null],
  ['mimecast-envelope-blocked.eml', to, 'failed', '5.0.0', 'rejected', false, null],
  ['mimecast-invalid-recipient.eml', to, 'failed', '5.0.0', 'userunknown', true, null],
  ['barracuda-blocked.eml', to, 'failed', '5.0.0', 'spamdetected', false, null],
  ['ironport-address-rejected-5.1.0.eml', to, 'failed', '5.1.0', 'userunknown', true, null],
  ['ironport-own-dsn-5.1.0.eml', to, 'failed', ['5.1.0', '5.1.1'], 'userunknown', true, null],
  // Hosted mail and MTAs, SMTPUTF8
  ['zoho-invalid-address.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['zoho-rejected-by-domain-5.4.1.eml', 'prospect@zoho.example', 'failed', '5.4.1', 'rejected', false, null],
  ['fastmail-user-unknown-5.1.1.eml', 'prospect@fastmail.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['hmailserver-user-unknown.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['mdaemon-permanent-failure.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
  ['sendmail-dsn-dmarc-5.7.1.eml', to, 'failed', '5.7.1', 'authfailure', false, null],
  ['exim-delay-warning.eml', to, 'delayed', '4.2.2', 'mailboxfull', false, null],
  ['exim-utf8-user-unknown.eml', 'josé.müller@bücher.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['postfix-global-dsn-utf8.eml', '田中@例え.example', 'failed', '5.1.1', 'userunknown', true, null],
  ['postfix-smtputf8-required-5.6.7.eml', 'andré@example.net', 'failed', '5.6.7', 'contenterror', false, null],
  // Sending services
  ['amazonses-mailbox-full-5.2.2.eml', to, 'failed', '5.2.2', 'mailboxfull', false, null],
  ['sendgrid-relay-user-unknown.eml', to, 'failed', '5.1.1', 'userunknown', true, null],
];

/** Notices about several recipients: each keeps its own status and reason. */
const MULTI: [string, [string, string, BounceReason, boolean][]][] = [
  [
    'm365-two-recipients.eml',
    [
      ['ann@example.net', '5.1.10', 'userunknown', true],
      ['bob@example.org', '5.2.2', 'mailboxfull', false],
    ],
  ],
];

/** Look-alikes that must not be called bounces, with what they are. */
const NOT_BOUNCES: [string, MessageKind][] = [
  ['not-outlook-automatic-reply.eml', 'auto-reply'],
  ['not-gmail-vacation-responder.eml', 'auto-reply'],
  ['not-outlook-automatische-antwort.eml', 'auto-reply'],
  ['not-outlook-read-receipt.eml', 'not-bounce'],
  ['not-delivery-success-dsn.eml', 'delivered'],
  ['not-newsletter-undeliverable.eml', 'not-bounce'],
  // An automatic answer (Auto-Submitted: auto-replied), though not a vacation one.
  ['not-challenge-response.eml', 'auto-reply'],
  ['not-forwarded-bounce.eml', 'not-bounce'],
  ['not-reply-quoting-ndr.eml', 'not-bounce'],
  ['not-outlook-recall.eml', 'not-bounce'],
  ['not-m365-quarantine-notice.eml', 'not-bounce'],
  ['not-google-groups-moderation.eml', 'not-bounce'],
  ['not-postfix-success-dsn.eml', 'delivered'],
];

describe('unseen notices (beyond the corpus)', () => {
  it('has a table row for every fixture file', () => {
    const listed = new Set([...BOUNCES, ...MULTI, ...NOT_BOUNCES].map((row) => row[0]));
    const files = readdirSync(DIR).filter((file) => file.endsWith('.eml'));
    expect(files.filter((file) => !listed.has(file))).toEqual([]);
    expect([...listed].filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(BOUNCES)('%s', async (file, address, action, status, reason, hard, quota) => {
    const raw = read(file);
    const report = await parseBounce(raw);
    expect(report.kind).toBe('bounce');
    // A notice that returns the original (all but hMailServer's) must give its Message-ID.
    const id = /<unseen-(\d+)@mail\.example\.com>/.exec(raw.toString('utf8'))?.[1];
    expect(report.originalMessageId).toBe(id ? `unseen-${id}@mail.example.com` : null);
    if (id) expect(report.originalHeaders?.['x-sendwell-id']).toBe(`sw_unseen_${id}`);
    expect(report.recipients.map((r) => r.address)).toEqual([address]);
    const [r] = report.recipients;
    expect({ action: r?.action, reason: r?.reason, hard: r?.hard }).toEqual({ action, reason, hard });
    expect([status].flat()).toContain(r?.status);
    expect(report.quotaSignal?.provider ?? null).toBe(quota);
  });

  it.each(MULTI)('%s', async (file, rows) => {
    const report = await parseBounce(read(file));
    expect(report.kind).toBe('bounce');
    expect(report.originalMessageId).toMatch(/^unseen-\d+@mail\.example\.com$/);
    const got = report.recipients.map((r) => [r.address, r.status, r.reason, r.hard]);
    expect(got).toEqual(rows);
  });

  it.each(NOT_BOUNCES)('%s is not a bounce', async (file, kind) => {
    const report = await parseBounce(read(file));
    expect(report.kind).toBe(kind);
    expect(report.quotaSignal ?? null).toBeNull();
  });
});
