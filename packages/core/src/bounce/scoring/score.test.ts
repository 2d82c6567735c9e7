import { describe, expect, it } from 'vitest';
import type { BounceReport } from '../types';
import { canonicalReason, scoreRow, strictRows, summarise, type TruthRow } from './score';

function truth(over: Partial<TruthRow> = {}): TruthRow {
  return {
    file: 'x.eml',
    kind: 'bounce',
    is_bounce: true,
    recipients: ['a@example.jp'],
    recipients_alt: ['alias@example.jp'],
    reason: 'userunknown',
    status: '5.1.1',
    status_is_pseudo: false,
    hard: true,
    decoder: 'Postfix',
    original_message_id: 'id@example.org',
    duplicate_of: null,
    ambiguous: false,
    per_recipient: [
      { recipient: 'a@example.jp', alt: [{ status: '5.0.0', reason: 'filtered', hard: false }] },
    ],
    ...over,
  };
}
function report(
  over: Partial<BounceReport> = {},
  recipient: Partial<BounceReport['recipients'][number]> = {},
): BounceReport {
  return {
    kind: 'bounce',
    originalMessageId: 'id@example.org',
    decoder: 'RFC3464',
    recipients: [
      {
        address: 'a@example.jp',
        action: 'failed',
        status: '5.1.1',
        hard: true,
        reason: 'userunknown',
        diagnostic: null,
        ...recipient,
      },
    ],
    ...over,
  };
}

describe('scoreRow', () => {
  it('counts an exact answer on every measure', () => {
    expect(scoreRow(truth(), report())).toMatchObject({
      detected: true,
      recipientsExact: true,
      status: true,
      hard: true,
      reason: true,
      messageId: true,
    });
  });

  it.each([
    ['an alternative recipient', {}, { address: 'alias@example.jp' }, 'recipientsExact', true],
    ['a wrong recipient', {}, { address: 'b@example.jp' }, 'recipientsExact', false],
    ['an alt reason', {}, { reason: 'filtered' as const }, 'reason', true],
    ['an alt status', {}, { status: '5.0.0' }, 'status', true],
    ['a missing status (never matches a missing alt)', {}, { status: null }, 'status', false],
    ['a wrong Message-ID', { originalMessageId: 'other@x' }, {}, 'messageId', false],
  ] as const)('judges %s', (_label, reportOver, recipientOver, measure, expected) => {
    expect(scoreRow(truth(), report(reportOver, recipientOver))[measure]).toBe(expected);
  });

  it('never scores a pseudo status', () => {
    expect(scoreRow(truth({ status: '5.0.911', status_is_pseudo: true }), report()).status).toBeNull();
  });

  it('calls a bounce answer on a non-bounce a false positive', () => {
    const s = scoreRow(truth({ kind: 'feedback', is_bounce: false, hard: null }), report());
    expect(s).toMatchObject({ falsePositive: true, detected: null, recipientsExact: null });
  });

  it('maps renamed Sisimai reasons', () => {
    expect(canonicalReason('speeding')).toBe('ratelimited');
    expect(canonicalReason('mesgtoobig')).toBe(canonicalReason('emailtoolarge'));
    expect(
      scoreRow(truth({ reason: 'toomanyconn', per_recipient: [] }), report({}, { reason: 'ratelimited' }))
        .reason,
    ).toBe(true);
  });
});

describe('strictRows and summarise', () => {
  it('drops ambiguous rows and duplicates', () => {
    const rows = [
      truth(),
      truth({ file: 'd', duplicate_of: 'x.eml' }),
      truth({ file: 'a', ambiguous: true }),
    ];
    expect(strictRows(rows).map((r) => r.file)).toEqual(['x.eml']);
  });

  it('aggregates recall, false positives by kind and a per-decoder table', () => {
    const s = summarise([
      scoreRow(truth(), report()),
      scoreRow(truth({ file: 'm' }), report({ kind: 'not-bounce', recipients: [] })),
      scoreRow(truth({ file: 'v', kind: 'vacation', is_bounce: false, decoder: 'RFC3834' }), report()),
    ]);
    expect(s.recall).toBe(0.5);
    expect(s.falsePositives).toEqual({ vacation: 1 });
    expect(s.perDecoder.Postfix).toEqual({ files: 2, detected: 1, recipients: 1, reason: 1 });
  });
});
