import { describe, expect, it } from 'vitest';
import { aupCodeReason } from './aup-codes';

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
