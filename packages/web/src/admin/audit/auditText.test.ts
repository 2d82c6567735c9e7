import { describe, expect, it } from 'vitest';
import { actionWords, fieldChanges } from './auditText';

describe('fieldChanges', () => {
  it.each([
    {
      name: 'a role change shows only the role',
      before: { role: 'rep', legacy: false },
      after: { role: 'admin', legacy: false },
      expected: [{ field: 'role', before: 'rep', after: 'admin' }],
    },
    {
      name: 'nested settings are compared leaf by leaf',
      before: { batch: { size: 25, everySeconds: 45 } },
      after: { batch: { size: 25, everySeconds: 60 } },
      expected: [{ field: 'batch.everySeconds', before: '45', after: '60' }],
    },
    {
      name: 'a creation lists every field after',
      before: null,
      after: { label: 'Team relay', port: 587 },
      expected: [
        { field: 'label', before: '—', after: 'Team relay' },
        { field: 'port', before: '—', after: '587' },
      ],
    },
    {
      name: 'a deletion lists every field before',
      before: { label: 'Team relay' },
      after: null,
      expected: [{ field: 'label', before: 'Team relay', after: '—' }],
    },
    {
      name: 'a cleared batch shows the whole object going away',
      before: { batch: { size: 10, everySeconds: 60 } },
      after: { batch: null },
      expected: [
        { field: 'batch.everySeconds', before: '60', after: '—' },
        { field: 'batch.size', before: '10', after: '—' },
      ],
    },
    {
      name: 'scalars compare whole',
      before: true,
      after: false,
      expected: [{ field: '', before: 'true', after: 'false' }],
    },
    { name: 'no change, no lines', before: { a: [1, 2] }, after: { a: [1, 2] }, expected: [] },
  ])('$name', ({ before, after, expected }) => {
    expect(fieldChanges(before, after)).toEqual(expected);
  });
});

describe('actionWords', () => {
  it.each([
    ['member.role.changed', "Changed a member's role"],
    ['settings.throttle.changed', 'Changed the throttle'],
    ['something.new', 'something.new'],
  ])('%s → %s', (action, words) => {
    expect(actionWords(action)).toBe(words);
  });
});
