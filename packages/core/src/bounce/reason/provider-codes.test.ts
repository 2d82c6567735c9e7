import { describe, expect, it } from 'vitest';
import { aupCodeReason, orangeCodeReason, remoteHostReason } from './provider-codes';

describe('aupCodeReason', () => {
  it.each([
    ['550 5.1.0 <a@example.com> sender rejected. aup#in-1310', 'toomanyconn'],
    ['554 aup#o-1000 your ip address has been blocked', 'blocked'],
    ['550 aup#i-1150 no reverse dns', 'requireptr'],
    ['550 aup#in-1560 too many invalid recipients', 'policyviolation'],
    ['550 aup#in-1550 too many recipients', 'speeding'],
    ['550 5.1.0 <a@example.com> sender rejected. aup#cdrbl', 'blocked'],
    ['554 aup#cxsndr', 'authfailure'],
    ['421 aup#cxcnct', 'toomanyconn'],
    ['550 aup#ipbl0010', 'blocked'],
  ])('%s → %s', (text, reason) => {
    expect(aupCodeReason(text)).toBe(reason);
  });

  it('says nothing without a known code', () => {
    expect(aupCodeReason('550 user unknown')).toBeNull();
    expect(aupCodeReason('550 aup#zz')).toBeNull();
    expect(aupCodeReason('550 aup#in-9999')).toBeNull();
  });
});

describe('orangeCodeReason', () => {
  it.each([
    ['421 4.2.0 service refuse. service refused, please try later. ofr005_505 [505]', 'systemerror'],
    ['554 5.7.1 <x.example.net>: client host rejected: #216 lpn lpn000_630', 'policyviolation'],
    ['550 5.5.0 adresse destinataire invalide. invalid recipient. lpn007_416', 'userunknown'],
    ['552 5.1.1 boite du destinataire pleine. recipient overquota. ofr_417 [417]', 'mailboxfull'],
    ['mail rejete. mail rejected. ofr_506 [506]', 'spamdetected'],
  ])('%s → %s', (text, reason) => {
    expect(orangeCodeReason(text)).toBe(reason);
  });

  it('says nothing for an unknown code or no code', () => {
    expect(orangeCodeReason('service refused, please try later. lpn006_107')).toBeNull();
    expect(orangeCodeReason('550 user unknown')).toBeNull();
  });
});

describe('remoteHostReason', () => {
  it('reads Mimecast wording only from a Mimecast host', () => {
    const said = 'host us-smtp-inbound-1.mimecast.com[192.0.2.1] said: 554 host network not allowed';
    expect(remoteHostReason(said)).toBe('policyviolation');
    expect(remoteHostReason('host mx.example.com[192.0.2.1] said: 554 host network not allowed')).toBeNull();
    expect(remoteHostReason('host eu.mimecast.com said: 550 invalid recipient <a@example.com>')).toBe(
      'userunknown',
    );
  });
});
