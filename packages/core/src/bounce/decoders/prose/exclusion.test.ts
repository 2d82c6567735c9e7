import { describe, expect, it } from 'vitest';
import { isRoleAddress } from './exclusion';

describe('isRoleAddress', () => {
  it.each([
    'MAILER-DAEMON@mx.example',
    'mailerdaemon@mx.example',
    'postmaster@example.org',
    'team-request@lists.example',
    'team-bounces@lists.example',
    'team-bounces+alice=sender.example@lists.example',
    'team-owner@lists.example',
    'owner-team@lists.example',
    'dev+owner@lists.example',
    'dev+subscribe@lists.example',
    'listserv@lists.example',
    'majordomo@lists.example',
    'no-reply@service.example',
    'bounce-123-alice=sender.example@sender.example',
    'bounces+42@mail.example',
    'prvs=1234abcd=alice@sender.example',
    'SRS0=abcd=xy=sender.example=alice@forwarder.example',
  ])('%s is a role of the mail system or a list', (address) => {
    expect(isRoleAddress(address)).toBe(true);
  });

  it.each([
    'bob@dest.example',
    'nobody@lab.test',
    'owner@shop.example',
    'request.desk@corp.example',
    'bouncer@club.example',
    'postmaster.general@gov.example',
  ])('%s is a person (or could be)', (address) => {
    expect(isRoleAddress(address)).toBe(false);
  });
});
