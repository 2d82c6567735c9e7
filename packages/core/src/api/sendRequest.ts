import { z } from 'zod';

/**
 * One email address, as every send path checks it (the API, the Gmail add-on, the Outlook pane):
 * trimmed, lower-cased, and named in the error when it is not an address.
 */
export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not a valid email address` }));

/** The addresses in a list that are not valid, as written (so the rep can find them). */
export function invalidAddresses(addresses: readonly string[]): string[] {
  return addresses.filter((address) => !emailAddressSchema.safeParse(address).success);
}

export const HOSTS = ['outlook', 'gmail', 'web'] as const;

/**
 * `POST /api/sends`: the one definition of a send request, for the server's validation and both
 * front ends' types.
 *
 * `personalise`: `one` sends the body as it is to everyone (tags must already be filled); `each`
 * sends one email per To recipient, each merged for that person (no Cc/Bcc: they would get every
 * copy). `displayNames` (lower-case address → name, from the draft) feed the per-person merge.
 * `idempotencyKey` belongs to the draft, not the click: the same draft is sent once.
 */
export const sendRequestSchema = z.object({
  host: z.enum(HOSTS),
  to: z.array(emailAddressSchema).min(1, 'Add at least one recipient.'),
  cc: z.array(emailAddressSchema).default([]),
  bcc: z.array(emailAddressSchema).default([]),
  subject: z.string().max(998),
  body: z.string().max(1_000_000),
  templateId: z.string().min(1).nullish(),
  idempotencyKey: z.string().min(8).max(200),
  personalise: z.enum(['one', 'each']).default('one'),
  displayNames: z.record(z.string(), z.string().max(256)).default({}),
  /**
   * Schedule send: not before this moment (ISO 8601 with offset; the client converts the rep's
   * "send at" in their time zone). Past or absent = now; at most a year ahead.
   */
  sendAt: z.iso.datetime({ offset: true, error: 'sendAt must be an ISO 8601 date-time' }).nullish(),
});

/** What a client sends (defaults may be left out). */
export type SendRequestBody = z.input<typeof sendRequestSchema>;
/** What the server works with after validation. */
export type ValidSendRequestBody = z.output<typeof sendRequestSchema>;
