import type { MailboxTruth } from '@sendwell/sandbox';
import { describe, expect, it } from 'vitest';
import { judgeRep, type SendwellRecord } from './judge';

// The crash bench's verdict: Sendwell's records against the provider's truth. Each row breaks one
// property on purpose and must be named; the clean row must come out all zeros.

const sent = (sendwellId: string, to = 'p@customers.example') => ({
  id: `m-${sendwellId}-${Math.random()}`,
  internetMessageId: `<${sendwellId}@sendwell.local>`,
  sendwellId,
  to: [to],
  cc: [],
  bcc: [],
  subject: 's',
  at: '2026-12-05T10:00:00.000Z',
});
const notice = (sendwellId: string, address: string) => ({
  sender: 'ava@contoso.test',
  kind: 'failure' as const,
  recipients: [{ address, fate: 'hard-bounce' as const }],
  originalMessageId: `<${sendwellId}@sendwell.local>`,
  sendwellId,
  at: '2026-12-05T10:00:01.000Z',
});

function truth(changes: Partial<MailboxTruth> = {}): MailboxTruth {
  return {
    address: 'ava@contoso.test',
    sent: [sent('s1'), sent('s2', 'x@bounce.test')],
    notices: [notice('s2', 'x@bounce.test')],
    pending: 0,
    ...changes,
  };
}

function record(changes: Partial<SendwellRecord> = {}): SendwellRecord {
  return {
    email: 'ava@contoso.test',
    requested: new Map([
      ['k1', new Set(['s1'])],
      ['k2', new Set(['s2'])],
    ]),
    sends: new Map([
      ['s1', { status: 'submitted', bounced: 0 }],
      ['s2', { status: 'submitted', bounced: 1 }],
    ]),
    numbers: { sends: 2, bounces: 1 },
    template: { messages: 2, recipientsBounced: 1 },
    ...changes,
  };
}

const zeros = { lost: 0, duplicated: 0, doubleCounted: 0, missedBounces: 0, analyticsOff: 0 };

describe('judgeRep', () => {
  it.each([
    ['all held', truth(), record(), zeros],
    [
      'a send missing from Sent',
      truth({ sent: [sent('s2', 'x@bounce.test')] }),
      record({ numbers: { sends: 1, bounces: 1 }, template: { messages: 1, recipientsBounced: 1 } }),
      { ...zeros, lost: 1 },
    ],
    [
      'a draft never accepted',
      truth(),
      record({
        requested: new Map([
          ['k1', new Set(['s1'])],
          ['k2', new Set(['s2'])],
          ['k3', new Set()],
        ]),
      }),
      { ...zeros, lost: 1 },
    ],
    [
      'a second copy in Sent',
      truth({ sent: [sent('s1'), sent('s1'), sent('s2', 'x@bounce.test')] }),
      record({ numbers: { sends: 3, bounces: 1 }, template: { messages: 3, recipientsBounced: 1 } }),
      { ...zeros, duplicated: 1 },
    ],
    [
      'one draft became two sends',
      truth({ sent: [sent('s1'), sent('s1b'), sent('s2', 'x@bounce.test')] }),
      record({
        requested: new Map([
          ['k1', new Set(['s1', 's1b'])],
          ['k2', new Set(['s2'])],
        ]),
        sends: new Map([
          ['s1', { status: 'submitted', bounced: 0 }],
          ['s1b', { status: 'submitted', bounced: 0 }],
          ['s2', { status: 'submitted', bounced: 1 }],
        ]),
        numbers: { sends: 3, bounces: 1 },
        template: { messages: 3, recipientsBounced: 1 },
      }),
      { ...zeros, duplicated: 1 },
    ],
    [
      'a bounce counted twice on the send',
      truth(),
      record({
        sends: new Map([
          ['s1', { status: 'submitted', bounced: 0 }],
          ['s2', { status: 'submitted', bounced: 2 }],
        ]),
      }),
      { ...zeros, doubleCounted: 1 },
    ],
    [
      'a bounce counted twice in the numbers',
      truth(),
      record({ numbers: { sends: 2, bounces: 2 } }),
      { ...zeros, doubleCounted: 1, analyticsOff: 1 },
    ],
    [
      'a bounce never counted',
      truth(),
      record({
        sends: new Map([
          ['s1', { status: 'submitted', bounced: 0 }],
          ['s2', { status: 'submitted', bounced: 0 }],
        ]),
      }),
      { ...zeros, missedBounces: 1 },
    ],
    [
      'template analytics short of a send',
      truth(),
      record({ template: { messages: 1, recipientsBounced: 1 } }),
      { ...zeros, analyticsOff: 1 },
    ],
  ] as const)('%s', (_name, given, ours, expected) => {
    const verdict = judgeRep(given, ours as SendwellRecord);
    const { problems, ...figures } = verdict;
    expect(figures).toEqual(expected);
    expect(problems.length > 0).toBe(JSON.stringify(expected) !== JSON.stringify(zeros));
  });
});
