import { batchSettingSchema } from '@sendwell/core';
import { z } from 'zod';

/**
 * "Send N emails every S seconds" as typed into two text boxes, checked with core's own batch
 * schema (the one the API validates with), so the page and the server refuse with the same words.
 */
export const batchFormSchema = z
  .object({ size: z.string().trim(), everySeconds: z.string().trim() })
  .transform((v) => ({ size: toNumber(v.size), everySeconds: toNumber(v.everySeconds) }))
  .pipe(batchSettingSchema);

/** Empty is not zero: it stays "not a number" so the schema says what is missing. */
function toNumber(text: string): number {
  return text === '' ? Number.NaN : Number(text);
}

export type BatchFormInput = z.input<typeof batchFormSchema>;
export type BatchFormValues = z.output<typeof batchFormSchema>;

export function batchFormDefaults(batch: { size: number; everySeconds: number } | null): BatchFormInput {
  return batch
    ? { size: String(batch.size), everySeconds: String(batch.everySeconds) }
    : { size: '', everySeconds: '' };
}
