import { describe, expect, it } from 'vitest';
import { noticeKindOf, recipientFate } from './recipients';

describe('recipientFate', () => {
  it.each([
    ['nobody@bounce.test', 'hard-bounce', 'failure'],
    ['Full@FULL.test', 'soft-bounce', 'failure'],
    ['slow@delay.test', 'delay', 'delay'],
    ['gus@acme.test', 'deliver', null],
    ['someone@bounce.test.example', 'deliver', null],
    ['not-an-address', 'deliver', null],
  ])('%s → %s', (address, fate, kind) => {
    expect(recipientFate(address)).toBe(fate);
    expect(noticeKindOf(recipientFate(address))).toBe(kind);
  });
});
