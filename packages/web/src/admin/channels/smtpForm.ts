import {
  type CreateSmtpChannel,
  createSmtpChannelSchema,
  type SmtpCheckRequest,
  smtpSecuritySchema,
  updateSmtpChannelSchema,
} from '@sendwell/core';
import { z } from 'zod';

/**
 * The team SMTP form as a person fills it in: every input is text (numbers included, so an empty
 * optional limit means "no limit"), turned into the request and checked with core's own request
 * schema, the one the API validates with: the page refuses what the server would, in the same words.
 * The host policy (Marketo, Gmail, Microsoft 365) is the server's: its refusals are shown as they come.
 */

export const SMTP_SECURITY_OPTIONS = [
  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
  { value: 'tls', label: 'Implicit TLS (usually port 465)' },
  { value: 'none', label: 'None (a server on this machine only)' },
] as const;

const LIMIT_KEYS = ['perMinute', 'perHour', 'perDay', 'recipientsPerDay'] as const;
type LimitKey = (typeof LIMIT_KEYS)[number];

const smtpFormFields = z.object({
  label: z.string(),
  host: z.string(),
  port: z.string(),
  security: smtpSecuritySchema,
  username: z.string(),
  password: z.string(),
  allowSelfSigned: z.boolean(),
  limits: z.object({
    perMinute: z.string(),
    perHour: z.string(),
    perDay: z.string(),
    recipientsPerDay: z.string(),
  }),
});
export type SmtpFormInput = z.input<typeof smtpFormFields>;

/** Empty stays "not a number" rather than 0, so core's schema says the field is not a number. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

function limitsOf(input: SmtpFormInput): Partial<Record<LimitKey, number>> | undefined {
  const set = LIMIT_KEYS.filter((k) => input.limits[k].trim() !== '');
  return set.length === 0 ? undefined : Object.fromEntries(set.map((k) => [k, toNumber(input.limits[k])]));
}

const settingsOf = (input: SmtpFormInput) => ({
  label: input.label,
  host: input.host.trim(),
  port: toNumber(input.port),
  security: input.security,
  username: input.username,
  allowSelfSigned: input.allowSelfSigned,
});

/** A new team channel (the page adds `scope: 'team'`). */
export const createSmtpFormSchema = smtpFormFields
  .transform((input): z.input<typeof createSmtpChannelSchema> => {
    const limits = limitsOf(input);
    return { ...settingsOf(input), password: input.password, scope: 'team', ...(limits ? { limits } : {}) };
  })
  .pipe(createSmtpChannelSchema);

/** Changes to a saved channel: an empty password keeps the stored one; no limits removes them. */
export const updateSmtpFormSchema = smtpFormFields
  .transform(
    (input): z.input<typeof updateSmtpChannelSchema> => ({
      ...settingsOf(input),
      ...(input.password === '' ? {} : { password: input.password }),
      limits: limitsOf(input) ?? null,
    }),
  )
  .pipe(updateSmtpChannelSchema);

/** What the connection check needs of a new channel (nothing is saved). */
export function checkRequestOf(values: CreateSmtpChannel): SmtpCheckRequest {
  const { host, port, security, username, password, allowSelfSigned } = values;
  return { host, port, security, username, password, ...(allowSelfSigned ? { allowSelfSigned } : {}) };
}

export const EMPTY_SMTP_FORM: SmtpFormInput = {
  label: '',
  host: '',
  port: '587',
  security: 'starttls',
  username: '',
  password: '',
  allowSelfSigned: false,
  limits: { perMinute: '', perHour: '', perDay: '', recipientsPerDay: '' },
};

/** A saved channel in the form, to change it (the password is never sent back: it stays empty). */
export function formOfChannel(channel: {
  label: string;
  host: string | null;
  port: number | null;
  security: SmtpFormInput['security'] | null;
  username: string | null;
  allowSelfSigned: boolean;
  limits: Partial<Record<LimitKey, number>> | null;
}): SmtpFormInput {
  const limit = (k: LimitKey) => (channel.limits?.[k] === undefined ? '' : String(channel.limits[k]));
  return {
    label: channel.label,
    host: channel.host ?? '',
    port: channel.port === null ? '' : String(channel.port),
    security: channel.security ?? 'starttls',
    username: channel.username ?? '',
    password: '',
    allowSelfSigned: channel.allowSelfSigned,
    limits: {
      perMinute: limit('perMinute'),
      perHour: limit('perHour'),
      perDay: limit('perDay'),
      recipientsPerDay: limit('recipientsPerDay'),
    },
  };
}
