import { z } from 'zod';
import { roleSchema } from './account';
import { isoTime, pageOf } from './common';

/** `/api/v1/members` (team admins): who is in the team, their role and legacy flag, their mailboxes. */

export const memberMailboxSchema = z
  .object({
    id: z.string(),
    provider: z.enum(['exchange', 'gmail', 'exchange-server']),
    address: z.string(),
    state: z.enum(['connected', 'needs-reconnect', 'disconnected', 'disabled']),
  })
  .meta({ id: 'MemberMailbox' });

export const memberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    legacy: z.boolean().meta({ description: 'Legacy accounts may see the legacy hosted channel.' }),
    mailboxes: z.array(memberMailboxSchema),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof memberSchema>;

export const memberPageSchema = pageOf(memberSchema, 'MemberPage');
export type MemberPage = z.infer<typeof memberPageSchema>;

export const memberIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const updateMemberBodySchema = z
  .object({ role: roleSchema.optional(), legacy: z.boolean().optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.legacy !== undefined, {
    message: 'Say what to change: role, legacy, or both',
  })
  .meta({ id: 'UpdateMemberRequest' });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

/** When the member was last changed is in the audit log; the answer is the member as it is now. */
export const updateMemberAnswerSchema = z
  .object({ member: memberSchema, changed: z.array(z.enum(['role', 'legacy'])), at: isoTime })
  .meta({ id: 'UpdateMemberAnswer' });
export type UpdateMemberAnswer = z.infer<typeof updateMemberAnswerSchema>;
