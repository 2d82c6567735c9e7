import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { type CreateSendAnswer, createSendAnswerSchema, invalidAddresses, type Voice } from '@sendwell/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useVoice } from '../../api/context';
import { useApiMutation } from '../../api/queries';
import { ApiProblem, Section } from '../../ui/Page';
import { messageHtml, splitAddresses } from './messageHtml';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

/** The form's rules; addresses are checked with core's schema and worded by its voice. */
function sendFormSchema(voice: Voice) {
  return z.object({
    to: z.string().superRefine((text, ctx) => {
      const addresses = splitAddresses(text);
      if (addresses.length === 0) ctx.addIssue({ code: 'custom', message: 'Add at least one recipient.' });
      const invalid = invalidAddresses(addresses);
      if (invalid.length) ctx.addIssue({ code: 'custom', message: voice.invalidAddresses(invalid) });
    }),
    subject: z.string().trim().min(1, 'Add a subject.').max(998, 'The subject is too long.'),
    message: z.string().trim().min(1, 'Write a message.').max(100_000, 'The message is too long.'),
  });
}
type SendForm = z.infer<ReturnType<typeof sendFormSchema>>;

/** "Send an email": a web send through the rep's chosen channel (`POST /api/v1/sends`, host web). */
export function SendFormSection() {
  const styles = useStyles();
  const voice = useVoice();
  const schema = useMemo(() => sendFormSchema(voice), [voice]);
  // The key belongs to this email, not the click: a double submit sends it once.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const form = useForm<SendForm>({
    resolver: zodResolver(schema),
    defaultValues: { to: '', subject: '', message: '' },
  });
  const send = useApiMutation(
    (api, values: SendForm) =>
      api.post(
        '/sends',
        {
          host: 'web',
          to: splitAddresses(values.to),
          subject: values.subject.trim(),
          body: messageHtml(values.message),
          idempotencyKey,
        },
        { schema: createSendAnswerSchema },
      ),
    ['/sends', '/analytics'],
    {
      onSuccess: () => {
        form.reset();
        setKey(crypto.randomUUID());
      },
    },
  );
  const errors = form.formState.errors;
  return (
    <Section title="Send an email" testId="web-send">
      <form
        className={styles.form}
        noValidate
        data-testid="web-send-form"
        onSubmit={form.handleSubmit((values) => send.mutate(values))}
      >
        <Field
          label="To"
          required
          validationMessage={errors.to?.message}
          hint="Separate addresses with commas."
        >
          <Input {...form.register('to')} data-testid="web-send-to" autoComplete="off" />
        </Field>
        <Field label="Subject" required validationMessage={errors.subject?.message}>
          <Input {...form.register('subject')} data-testid="web-send-subject" />
        </Field>
        <Field label="Message" required validationMessage={errors.message?.message}>
          <Textarea {...form.register('message')} rows={8} resize="vertical" data-testid="web-send-message" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={send.isPending} data-testid="web-send-submit">
            {send.isPending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
      <ApiProblem error={send.error} testId="web-send-error" />
      {send.data && <SendResult answer={send.data} />}
    </Section>
  );
}

function SendResult({ answer }: { answer: CreateSendAnswer }) {
  return (
    <MessageBar
      intent={answer.duplicate ? 'info' : 'success'}
      layout="multiline"
      data-testid="web-send-result"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {answer.duplicate ? 'This email was already sent: nothing new was sent.' : 'Queued.'}
        </MessageBarTitle>
        {answer.send.channel && (
          <span data-testid="web-send-result-channel">Channel: {answer.send.channel.label}. </span>
        )}
        {answer.send.explanation}{' '}
        <Link to="/sends/$sendId" params={{ sendId: answer.send.id }}>
          Follow it in Sends
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}
