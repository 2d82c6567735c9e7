import { describe, expect, it } from 'vitest';
import { ownProviderReason, remoteHostReason, yahooCodeReason } from './provider-codes';
import { godaddyCodeReason, outlookCodeReason } from './provider-wording';
import { providerReason } from './providers';

describe('providerReason: published provider wording', () => {
  it.each([
    ['550 5.7.133 resolver.rst.sendernotauthenticatedforgroup; authentication required', 'rejected'],
    ['550 5.7.124 sender not in allowed-senders list', 'rejected'],
    ['550 5.1.8 access denied, bad outbound sender', 'rejected'],
    ['550 5.7.504 recipient address rejected: access denied', 'suspend'],
    [
      '550 5.7.513 service unavailable, client host [192.0.2.1] blocked by x using customer block list',
      'blocked',
    ],
    ['550 5.7.510 access denied, example.net does not accept email over ipv6', 'blocked'],
    ['550 5.7.950 delivery not authorized, message refused', 'policyviolation'],
    ['451 4.7.508 access denied, [2001:db8::1] has exceeded permitted limits within /64 range', 'speeding'],
    ['451 5.7.5 remote certificate failed mta-sts validation', 'failedstarttls'],
    ['550 5.4.1 recipient address rejected: access denied. as(201806281)', 'userunknown'],
    ['550 5.5.0 requested action not taken: mailbox unavailable (s2017062302)', 'userunknown'],
    ['550 5.7.1 this message violates example.net email policy. - gcdp abc - gsmtp', 'policyviolation'],
    ['421 4.7.28 gmail has detected an unusual rate of unsolicited mail originating from your ip', 'blocked'],
    ['550 5.7.1 messages missing a valid message-id: header are not accepted', 'notcompliantrfc'],
    ['553 5.7.2 [tss09] all messages from 192.0.2.1 will be permanently deferred', 'rejected'],
    ['550 5.7.9 this mail has been blocked because the sender is unauthenticated', 'authfailure'],
    ['554 5.7.9 message not accepted for policy reasons', 'policyviolation'],
  ])('%s → %s', (text, reason) => {
    expect(providerReason(text)).toBe(reason);
  });

  it('leaves look-alike wording from other servers to the generic classifier', () => {
    // "Delivery not authorized" without a transport-rule code, "access denied" at 5.7.1.
    expect(
      providerReason('551 5.7.1 <a@example.net>: recipient address rejected: delivery not authorized'),
    ).toBeNull();
    expect(providerReason('550 5.7.1 access denied')).toBeNull();
    expect(providerReason('550 5.4.1 all recipient addresses rejected : access denied')).toBeNull();
  });
});

describe('Yahoo, Barracuda and Outlook.com codes', () => {
  it.each([
    ['421 4.7.0 [tss04] messages from 192.0.2.1 temporarily deferred', 'badreputation'],
    ['553 5.7.1 [bl21] connections will not be accepted from 192.0.2.1', 'blocked'],
  ])('%s → %s', (text, reason) => {
    expect(yahooCodeReason(text)).toBe(reason);
  });

  it('reads Barracuda verdicts only when a Barracuda host answered', () => {
    const verdict = '550 permanent failure for one or more recipients (a@example.net:blocked)';
    expect(remoteHostReason(`host d1.ess.barracudanetworks.com[192.0.2.1] said: ${verdict}`)).toBe(
      'spamdetected',
    );
    expect(remoteHostReason(`host mx.example.net[192.0.2.1] said: ${verdict}`)).toBeNull();
  });

  it.each([
    ['550 sc-002 (bay0-mc1-f1) mail rejected by outlook.com for policy reasons', 'policyviolation'],
    ["421 rp-001 (col0-mc1-f1) unfortunately, some messages from 192.0.2.1 weren't sent", 'badreputation'],
    ["550 ou-001 (snt0-mc1-f1) unfortunately, messages from 192.0.2.1 weren't sent", 'blocked'],
  ])('%s → %s', (text, reason) => {
    expect(outlookCodeReason(text)).toBe(reason);
  });

  it("reads Yahoo's own 'dd' wording as user unknown", () => {
    expect(
      ownProviderReason("554 delivery error: dd this user doesn't have a yahoo.com account (a@yahoo.com)"),
    ).toBe('userunknown');
    expect(ownProviderReason('554 delivery error: message refused')).toBeNull();
  });
});

describe('godaddyCodeReason', () => {
  it.each([
    [
      '554 this ip has been temporarily blocked for attempting to send too many messages containing content judged to be spam. ib110',
      'blocked',
    ],
    [
      '552 this message has been rejected due to content judged to be spam by the internet community. ib212',
      'spamdetected',
    ],
    ['421 temporarily rejected. reverse dns for this ip failed. ib108', 'requireptr'],
    ['550 this ip has sent too many messages this hour. ib504', 'speeding'],
  ])('%s → %s', (text, reason) => {
    expect(godaddyCodeReason(text)).toBe(reason);
  });

  it('says nothing without a known code', () => {
    expect(godaddyCodeReason('550 user unknown')).toBeNull();
    expect(godaddyCodeReason('550 rejected ib999')).toBeNull();
  });
});
