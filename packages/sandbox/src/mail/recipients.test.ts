import { describe, expect, it } from 'vitest';
import { noticeKindOf, recipientFate, responseOf } from './recipients';

describe('recipientFate', () => {
  it.each([
    ['nobody@bounce.test', 'hard-bounce', 'failure'],
    ['Full@FULL.test', 'soft-bounce', 'failure'],
    ['slow@delay.test', 'delay', 'delay'],
    ['gus@acme.test', 'deliver', null],
    ['someone@bounce.test.example', 'deliver', null],
    ['not-an-address', 'deliver', null],
    ['pat@reply.test', 'reply', null],
    ['pat@OOO.test', 'auto-reply', null],
    ['pat@complain.test', 'complaint', null],
    ['pat@unsubscribe.test', 'unsubscribe', null],
  ])('%s → %s', (address, fate, kind) => {
    expect(recipientFate(address)).toBe(fate);
    expect(noticeKindOf(recipientFate(address))).toBe(kind);
  });

  it.each([
    ['pat@reply.test', 'reply'],
    ['pat@ooo.test', 'auto-reply'],
    ['pat@complain.test', 'complaint'],
    ['pat@unsubscribe.test', 'unsubscribe'],
    ['pat@bounce.test', null],
    ['pat@example.test', null],
  ])('%s answers with %s', (address, response) => {
    expect(responseOf(recipientFate(address))).toBe(response);
  });
});
