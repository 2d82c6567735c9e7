import { z } from 'zod';

export const roleSchema = z.enum(['rep', 'admin']).meta({ id: 'Role' });

export const meSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      legacy: z.boolean().meta({ description: 'Legacy accounts may see the legacy hosted channel.' }),
      role: roleSchema,
      tenantId: z.string(),
    }),
    mailboxes: z.array(
      z.object({
        id: z.string(),
        provider: z.enum(['exchange', 'gmail', 'exchange-server']),
        address: z.string(),
        profileId: z.string(),
      }),
    ),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
