import { z } from 'zod';
import { sendRequestSchema } from '../sendRequest';
import { isoTime, pageOf, pageQuerySchema } from './common';

/**
 * `/api/v1/sends` and `/api/v1/mailboxes/{id}/scan`: one definition of each wire shape, for the
 * server's validation, the OpenAPI document and the front ends' types.
 */

/** `POST /sends` takes the one send request every path uses (core `sendRequestSchema`). */
export const createSendBodySchema = sendRequestSchema.meta({ id: 'SendRequest' });

export const SEND_STATUSES = ['scheduled', 'sending', 'submitted', 'retry', 'failed', 'cancelled'] as const;
export const sendStatusSchema = z.enum(SEND_STATUSES).meta({
  id: 'SendStatus',
  description:
    '`scheduled` waits for its slot, `sending` is with the provider now, `submitted` was accepted by it, `retry` waits to try again, `failed` was not sent, `cancelled` was stopped before it went.',
});
export type SendStatus = z.infer<typeof sendStatusSchema>;

/** The channel the send was queued on, as it was named then; null for sends from before channels. */
export const sendChannelSchema = z
  .object({
    kind: z
      .string()
      .meta({ description: '`exchange`, `gmail`, `exchange-server`, `custom-smtp`, `legacy-hosted`.' }),
    label: z.string(),
  })
  .meta({ id: 'SendChannel' });
export type SendChannel = z.infer<typeof sendChannelSchema>;

/** One outgoing message accepted into the outbox. */
export const acceptedSendSchema = z
  .object({
    id: z.string(),
    status: sendStatusSchema,
    sendAt: isoTime,
    /** The lane (mailbox id) it goes through. */
    mailboxId: z.string(),
    channel: sendChannelSchema.nullable(),
    explanation: z.string().meta({ description: 'Which channel and why it goes when it goes.' }),
    to: z.array(z.string()),
  })
  .meta({ id: 'AcceptedSend' });

export const createSendAnswerSchema = z
  .object({
    send: acceptedSendSchema,
    sends: z.array(acceptedSendSchema),
    duplicate: z
      .boolean()
      .meta({ description: 'True (HTTP 200) when this draft was sent before: nothing new was sent.' }),
  })
  .meta({ id: 'CreateSendAnswer' });
export type CreateSendAnswer = z.infer<typeof createSendAnswerSchema>;

export const sendSummarySchema = z
  .object({
    id: z.string(),
    status: sendStatusSchema,
    host: z.string(),
    sender: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    bcc: z.array(z.string()),
    subject: z.string(),
    templateId: z.string().nullable(),
    channel: sendChannelSchema.nullable(),
    sendAt: isoTime,
    submittedAt: isoTime.nullable(),
    createdAt: isoTime,
    error: z.string().nullable(),
    bounced: z.number().int().meta({ description: 'Recipients with a failure notice.' }),
  })
  .meta({ id: 'SendSummary' });
export type SendSummary = z.infer<typeof sendSummarySchema>;

export const bounceDetailSchema = z
  .object({
    recipient: z.string(),
    action: z.string().nullable().meta({ description: '`failed` or `delayed` (RFC 3464).' }),
    status: z.string().nullable().meta({ description: 'Enhanced status code, e.g. `5.1.1`.' }),
    hard: z.boolean().nullable(),
    reason: z
      .string()
      .nullable()
      .meta({ description: 'The bounce engine’s reason (Sisimai names: `userunknown`, …).' }),
    diagnostic: z.string().nullable().meta({ description: 'The receiving server’s own words.' }),
    at: isoTime,
  })
  .meta({ id: 'BounceDetail' });
export type BounceDetail = z.infer<typeof bounceDetailSchema>;

export const RECIPIENT_OUTCOMES = ['pending', 'sent', 'delayed', 'bounced', 'not-sent'] as const;
export const recipientOutcomeSchema = z
  .object({
    address: z.string(),
    field: z.enum(['to', 'cc', 'bcc']),
    outcome: z.enum(RECIPIENT_OUTCOMES).meta({
      description:
        '`pending` not sent yet, `sent` no notice came back, `delayed` a delay notice, `bounced` a failure notice, `not-sent` the send failed or was cancelled.',
    }),
    bounce: bounceDetailSchema.nullable(),
  })
  .meta({ id: 'SendRecipientOutcome' });
export type RecipientOutcomeInfo = z.infer<typeof recipientOutcomeSchema>;

export const sendDetailSchema = sendSummarySchema
  .extend({
    attempts: z.number().int(),
    recipients: z.array(recipientOutcomeSchema),
    bounces: z
      .array(bounceDetailSchema)
      .meta({ description: 'Every notice, including any for addresses we did not send to.' }),
  })
  .meta({ id: 'SendDetail' });
export type SendDetail = z.infer<typeof sendDetailSchema>;

export const sendScopeSchema = z.enum(['mine', 'team']).default('mine').meta({
  description: '`team`: every send of your team (team admins only).',
});

export const listSendsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Searches recipients and subject.' }),
  status: sendStatusSchema.optional(),
  scope: sendScopeSchema,
});
export type ListSendsQuery = z.infer<typeof listSendsQuerySchema>;

export const sendPageSchema = pageOf(sendSummarySchema, 'SendPage');
export type SendPage = z.infer<typeof sendPageSchema>;

export const rescheduleBodySchema = z
  .object({ sendAt: z.iso.datetime({ offset: true }).meta({ description: 'When it should go, ISO 8601.' }) })
  .meta({ id: 'RescheduleRequest' });

export const rescheduleAnswerSchema = z
  .object({
    send: sendDetailSchema,
    requestedAt: isoTime,
    sendAt: isoTime.meta({ description: 'When it will really go: the throttle may move it later.' }),
    moved: z.boolean().meta({ description: 'True when the throttle could not honour the requested time.' }),
    limitedBy: z
      .string()
      .meta({ description: 'The planner’s rule: `none`, `window`, `batch`, `pause`, `queue`, `pace`.' }),
    explanation: z.string(),
  })
  .meta({ id: 'RescheduleAnswer' });
export type RescheduleAnswer = z.infer<typeof rescheduleAnswerSchema>;

export const scanAnswerSchema = z
  .object({
    mailboxId: z.string(),
    bouncesFound: z.number().int().meta({ description: 'New bounce notices this scan recorded.' }),
    scannedAt: isoTime,
  })
  .meta({ id: 'ScanAnswer' });
export type ScanAnswer = z.infer<typeof scanAnswerSchema>;
