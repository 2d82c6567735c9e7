import { type BounceRules, bounceRulesSchema } from '@sendwell/core';
import { z } from 'zod';

/**
 * The bounce rules as typed into the form (numbers as text, the breaker's rate in per cent), checked
 * with core's own `bounceRulesSchema` (the one the API validates with): the page and the server
 * refuse the same values.
 */
const PERCENT_MESSAGE = 'Enter a percentage from 1 to 100.';

export const rulesFormSchema = z
  .object({
    softBounceLimit: z.string().trim(),
    softBounceDays: z.string().trim(),
    softSuppressDays: z.string().trim(),
    breakerWindow: z.string().trim(),
    breakerRate: z
      .string()
      .trim()
      .refine((t) => t !== '' && Number(t) >= 1 && Number(t) <= 100, PERCENT_MESSAGE),
    trackOpens: z.boolean(),
    trackClicks: z.boolean(),
  })
  .transform((v) => ({
    softBounceLimit: toNumber(v.softBounceLimit),
    softBounceDays: toNumber(v.softBounceDays),
    softSuppressDays: toNumber(v.softSuppressDays),
    breakerWindow: toNumber(v.breakerWindow),
    breakerRate: Math.round(Number(v.breakerRate) * 100) / 10_000,
    trackOpens: v.trackOpens,
    trackClicks: v.trackClicks,
  }))
  .pipe(bounceRulesSchema);

/** Empty is not zero: it stays "not a number" so the schema says what is missing. */
function toNumber(text: string): number {
  return text === '' ? Number.NaN : Number(text);
}

export type RulesFormInput = z.input<typeof rulesFormSchema>;

export function rulesFormDefaults(rules: BounceRules): RulesFormInput {
  return {
    softBounceLimit: String(rules.softBounceLimit),
    softBounceDays: String(rules.softBounceDays),
    softSuppressDays: String(rules.softSuppressDays),
    breakerWindow: String(rules.breakerWindow),
    breakerRate: String(Math.round(rules.breakerRate * 10_000) / 100),
    trackOpens: rules.trackOpens,
    trackClicks: rules.trackClicks,
  };
}
