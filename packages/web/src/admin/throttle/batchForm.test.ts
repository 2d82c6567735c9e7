import { batchSettingSchema } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import { batchFormDefaults, batchFormSchema } from './batchForm';

/** Core's own words for a refused batch, so the expectation follows the schema rather than copying it. */
function coreMessage(batch: unknown): string {
  const result = batchSettingSchema.safeParse(batch);
  if (result.success) throw new Error('core accepted a batch the test expects refused');
  return result.error.issues[0]?.message ?? '';
}

describe('batchFormSchema', () => {
  it.each([
    { size: '25', everySeconds: '45', expected: { size: 25, everySeconds: 45 } },
    { size: ' 1 ', everySeconds: '86400', expected: { size: 1, everySeconds: 86_400 } },
  ])('accepts $size every $everySeconds', ({ size, everySeconds, expected }) => {
    expect(batchFormSchema.parse({ size, everySeconds })).toEqual(expected);
  });

  it.each([
    { size: '0', everySeconds: '45', field: 'size', core: { size: 0, everySeconds: 45 } },
    { size: '2.5', everySeconds: '45', field: 'size', core: { size: 2.5, everySeconds: 45 } },
    { size: '', everySeconds: '45', field: 'size', core: { size: Number.NaN, everySeconds: 45 } },
    { size: '10', everySeconds: '90000', field: 'everySeconds', core: { size: 10, everySeconds: 90_000 } },
    { size: '10', everySeconds: 'soon', field: 'everySeconds', core: { size: 10, everySeconds: Number.NaN } },
  ])(
    'refuses $size every $everySeconds on $field with core’s words',
    ({ size, everySeconds, field, core }) => {
      const result = batchFormSchema.safeParse({ size, everySeconds });
      expect(result.success).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.path).toEqual([field]);
      expect(issue?.message).toBe(coreMessage(core));
    },
  );
});

describe('batchFormDefaults', () => {
  it('shows a saved batch and leaves an unset one empty', () => {
    expect(batchFormDefaults({ size: 25, everySeconds: 45 })).toEqual({ size: '25', everySeconds: '45' });
    expect(batchFormDefaults(null)).toEqual({ size: '', everySeconds: '' });
  });
});
