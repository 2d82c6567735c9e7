import { describe, expect, it } from 'vitest';
import { findStatusCode, preferStatus } from './status-code';

describe('preferStatus(field, inText, reply)', () => {
  it.each([
    // The more specific code wins: a generic Status field, a specific code in the remote's answer.
    ['5.0.0', '5.1.1', '550', '5.1.1'],
    ['5.1.1', '5.0.0', '550', '5.1.1'],
    // A failure's permanent Status is the final word over the 4xx of the last attempt it quotes.
    ['5.0.0', '4.2.2', '452', '5.0.0'],
    // A 4.4.7 expiry field with a specific code of the last attempt: the attempt's code (corpus).
    ['4.4.7', '4.4.1', '441', '4.4.1'],
    [null, '5.7.1', '550', '5.7.1'],
    ['5.7.1', null, null, '5.7.1'],
  ])('%s vs %s (reply %s) -> %s', (field, inText, reply, expected) => {
    expect(preferStatus(field, inText, reply)).toBe(expected);
  });
});

describe('findStatusCode', () => {
  it.each([
    ['550 5.1.1 <a@example.net>: Recipient address rejected', '5.1.1'],
    ['connect to 192.0.2.4.5.1: refused', null],
    ["returned '400 4.4.7 Message delayed' ... returned '441 4.4.1 Failed to connect'", '4.4.1'],
  ])('%s -> %s', (text, expected) => {
    expect(findStatusCode(text)).toBe(expected);
  });
});
