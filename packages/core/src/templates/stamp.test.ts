import { describe, expect, it } from 'vitest';
import { checkStamp, isPersonal, stampMerge } from './stamp';

const ada = { email: 'Ada@Example.com', displayName: 'Ada' };
const bob = { email: 'bob@example.com', displayName: 'Bob' };

// Observation 5: insert for Ada, change To to Bob — the merge must know it is no longer right.
describe('merge stamps', () => {
  it.each([
    [
      'same To line (case aside)',
      stampMerge('t', 'one', [ada], ada),
      [{ email: 'ada@example.com' }],
      'current',
    ],
    ['Ada replaced by Bob', stampMerge('t', 'one', [ada], ada), [bob], 'recipients-changed'],
    ['Bob added beside Ada', stampMerge('t', 'one', [ada], ada), [ada, bob], 'recipients-changed'],
    ['merged for nobody, then Bob added', stampMerge('t', 'one', [], null), [bob], 'recipients-changed'],
    ['one each, same people', stampMerge('t', 'each', [ada, bob], null), [bob, ada], 'current'],
    ['one each, Bob removed', stampMerge('t', 'each', [ada, bob], null), [ada], 'recipients-changed'],
  ])('%s', (_name, stamp, to, outcome) => {
    expect(checkStamp(stamp, to).outcome).toBe(outcome);
  });

  it('names who was added and removed', () => {
    expect(checkStamp(stampMerge('t', 'one', [ada], ada), [bob])).toEqual({
      outcome: 'recipients-changed',
      added: ['bob@example.com'],
      removed: ['ada@example.com'],
    });
  });

  it.each([
    ['Hi {{recipient.firstName}}', true],
    ['Hi {{ recipient.email }}', true],
    ['Hi there', false],
  ])('%s is personal: %s', (text, personal) => {
    expect(isPersonal(text)).toBe(personal);
  });
});
