import { describe, expect, it } from 'vitest';
import { newDraftState, parseDraftState } from './draftState';

describe('parseDraftState', () => {
  const stamp = { templateId: 't', mode: 'one', mergedFor: { email: 'a@x.test' }, to: ['a@x.test'] };
  it('reads back what was written', () => {
    const state = {
      ...newDraftState('k-1'),
      insert: { stamp, subject: 'S', personal: true },
      sent: { at: '2026-03-02T09:00:00.000Z', sendIds: ['s1'] },
    };
    expect(parseDraftState(JSON.stringify(state))).toEqual(state);
  });

  it.each([null, '', 'not json', '{"version":2,"idempotencyKey":"k"}', '{"version":1}'])(
    'treats %j as nothing remembered',
    (text) => expect(parseDraftState(text)).toBeNull(),
  );

  it('drops a malformed insert or sent record but keeps the key', () => {
    const text = JSON.stringify({ version: 1, idempotencyKey: 'k', insert: { stamp: {} }, sent: { at: 1 } });
    expect(parseDraftState(text)).toEqual(newDraftState('k'));
  });
});
