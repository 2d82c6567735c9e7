import { describe, expect, it } from 'vitest';
import { countDeliveries, type DeliveryEvent } from './counters';

const at = '2026-01-05T14:00:00Z';
const sent = (sendId: string, recipients: number): DeliveryEvent => ({
  type: 'sent',
  sendId,
  at,
  recipients,
});
const notice = (sendId: string, recipient: string, hard: boolean | null, delayed = false): DeliveryEvent => ({
  type: 'bounced',
  sendId,
  at,
  recipient,
  hard,
  delayed,
});

const reply = (sendId: string, from: string): DeliveryEvent => ({ type: 'replied', sendId, at, from });

describe('countDeliveries: messages and recipients apart (issue 6, observation 13)', () => {
  it.each([
    [
      'one message, two recipients, one bounce',
      [sent('s1', 2), notice('s1', 'a@x', true)],
      { messages: 1, recipients: 2, messagesBounced: 1, recipientsBounced: 1, recipientsHardBounced: 1 },
    ],
    [
      'both recipients of one message bounce',
      [sent('s1', 2), notice('s1', 'a@x', true), notice('s1', 'b@x', false)],
      {
        messages: 1,
        messagesBounced: 1,
        recipientsBounced: 2,
        recipientsHardBounced: 1,
        recipientsSoftBounced: 1,
      },
    ],
    [
      'a rescanned notice counts once',
      [sent('s1', 1), notice('s1', 'a@x', true), notice('s1', 'A@x', true)],
      { recipientsBounced: 1, messagesBounced: 1 },
    ],
    [
      'a delay then a failure is one failure, not a delay',
      [sent('s1', 1), notice('s1', 'a@x', null, true), notice('s1', 'a@x', false)],
      { recipientsBounced: 1, recipientsSoftBounced: 1, recipientsDelayed: 0 },
    ],
    [
      'a delay alone is not a bounce',
      [sent('s1', 3), notice('s1', 'a@x', null, true)],
      { messages: 1, recipients: 3, messagesBounced: 0, recipientsBounced: 0, recipientsDelayed: 1 },
    ],
    [
      'a hard verdict wins over an unclassified one',
      [notice('s1', 'a@x', null), notice('s1', 'a@x', true), notice('s1', 'a@x', null)],
      { recipientsBounced: 1, recipientsHardBounced: 1 },
    ],
    [
      'a re-recorded send counts once',
      [sent('s1', 2), sent('s1', 2), sent('s2', 5)],
      { messages: 2, recipients: 7 },
    ],
    [
      'a message with replies from two people counts one replied message',
      [sent('s1', 2), reply('s1', 'a@x'), reply('s1', 'b@x'), reply('s1', 'a@x')],
      { messages: 1, messagesReplied: 1 },
    ],
    [
      'replies to two messages count two; a bounce does not undo a reply',
      [sent('s1', 1), sent('s2', 1), reply('s1', 'a@x'), reply('s2', 'b@x'), notice('s2', 'c@x', true)],
      { messages: 2, messagesReplied: 2, messagesBounced: 1 },
    ],
    ['no reply, none counted', [sent('s1', 1)], { messagesReplied: 0 }],
  ] as const)('%s', (_name, events, expected) => {
    expect(countDeliveries(events)).toMatchObject(expected);
  });
});
