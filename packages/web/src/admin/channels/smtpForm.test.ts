import { createSmtpChannelSchema, type updateSmtpChannelSchema } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import {
  checkRequestOf,
  createSmtpFormSchema,
  EMPTY_SMTP_FORM,
  formOfChannel,
  type SmtpFormInput,
  updateSmtpFormSchema,
} from './smtpForm';

const filled: SmtpFormInput = {
  ...EMPTY_SMTP_FORM,
  label: 'Team relay',
  host: ' smtp.example.com ',
  port: '587',
  username: 'relay@example.com',
  password: 'secret',
};

/** Core's first message for a request, so the test follows the schema the API validates with. */
function coreMessage(schema: typeof createSmtpChannelSchema | typeof updateSmtpChannelSchema, body: unknown) {
  const result = schema.safeParse(body);
  if (result.success) throw new Error('core accepted a request the test expects refused');
  return [result.error.issues[0]?.path.join('.'), result.error.issues[0]?.message];
}

describe('createSmtpFormSchema', () => {
  it('turns the text boxes into the team channel request, limits only when set', () => {
    const values = createSmtpFormSchema.parse({
      ...filled,
      limits: { ...filled.limits, perMinute: '30', perDay: ' 2000 ' },
    });
    expect(values).toEqual({
      scope: 'team',
      label: 'Team relay',
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'relay@example.com',
      password: 'secret',
      allowSelfSigned: false,
      limits: { perMinute: 30, perDay: 2000 },
    });
  });

  it('sends no limits when none is set', () => {
    expect(createSmtpFormSchema.parse(filled)).not.toHaveProperty('limits');
  });

  it.each([
    { name: 'no label', patch: { label: '  ' }, wire: { label: '  ' } },
    { name: 'no host', patch: { host: '' }, wire: { host: '' } },
    { name: 'a host with a space', patch: { host: 'smtp example.com' }, wire: { host: 'smtp example.com' } },
    { name: 'port 0', patch: { port: '0' }, wire: { port: 0 } },
    { name: 'port 70000', patch: { port: '70000' }, wire: { port: 70_000 } },
    { name: 'no port', patch: { port: '' }, wire: { port: Number.NaN } },
    { name: 'no username', patch: { username: '' }, wire: { username: '' } },
    { name: 'no password', patch: { password: '' }, wire: { password: '' } },
    {
      name: 'a limit of 0',
      patch: { limits: { ...filled.limits, perHour: '0' } },
      wire: { limits: { perHour: 0 } },
    },
  ])('refuses $name where and as core does', ({ patch, wire }) => {
    const result = createSmtpFormSchema.safeParse({ ...filled, ...patch });
    expect(result.success).toBe(false);
    const valid = { ...createSmtpFormSchema.parse(filled), ...wire };
    expect([result.error?.issues[0]?.path.join('.'), result.error?.issues[0]?.message]).toEqual(
      coreMessage(createSmtpChannelSchema, valid),
    );
  });
});

describe('updateSmtpFormSchema', () => {
  it('keeps the stored password when the box is empty, and clears limits when none is set', () => {
    const values = updateSmtpFormSchema.parse({ ...filled, password: '' });
    expect(values).not.toHaveProperty('password');
    expect(values.limits).toBeNull();
  });

  it('replaces the password when one is typed', () => {
    expect(updateSmtpFormSchema.parse(filled).password).toBe('secret');
  });
});

describe('checkRequestOf', () => {
  it('carries only what the connection check needs: no label, scope or limits', () => {
    const values = createSmtpFormSchema.parse({
      ...filled,
      allowSelfSigned: true,
      limits: { ...filled.limits, perDay: '5' },
    });
    expect(checkRequestOf(values)).toEqual({
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      username: 'relay@example.com',
      password: 'secret',
      allowSelfSigned: true,
    });
  });
});

describe('formOfChannel', () => {
  it('shows a saved channel with an empty password box and its limits as text', () => {
    expect(
      formOfChannel({
        label: 'Team relay',
        host: 'smtp.example.com',
        port: 465,
        security: 'tls',
        username: 'u',
        allowSelfSigned: false,
        limits: { perMinute: 20 },
      }),
    ).toEqual({
      ...EMPTY_SMTP_FORM,
      label: 'Team relay',
      host: 'smtp.example.com',
      port: '465',
      security: 'tls',
      username: 'u',
      limits: { ...EMPTY_SMTP_FORM.limits, perMinute: '20' },
    });
  });
});
