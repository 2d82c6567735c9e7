import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateSmtpChannel } from '@sendwell/core';
import { useForm } from 'react-hook-form';
import { ApiErrorBar } from '../ApiErrorBar';
import { useCheckSmtpSettings, useCreateSmtpChannel } from '../adminApi';
import { CheckReport } from './CheckReport';
import { SmtpFields } from './SmtpFields';
import { checkRequestOf, createSmtpFormSchema, EMPTY_SMTP_FORM, type SmtpFormInput } from './smtpForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/**
 * The team's SMTP server, before it is saved: Check tries the settings (connect, EHLO, TLS, AUTH)
 * without saving anything; Save creates the team channel. A refused host (Marketo's servers, Gmail's
 * or Microsoft 365's SMTP) comes back from the API with core's reason, shown as it is.
 */
export function NewTeamChannelForm() {
  const styles = useStyles();
  const check = useCheckSmtpSettings();
  const create = useCreateSmtpChannel();
  const form = useForm<SmtpFormInput, unknown, CreateSmtpChannel>({
    resolver: zodResolver(createSmtpFormSchema),
    defaultValues: EMPTY_SMTP_FORM,
  });
  const runCheck = form.handleSubmit((values) => {
    create.reset();
    check.mutate(checkRequestOf(values));
  });
  const save = form.handleSubmit((values) => {
    check.reset();
    create.mutate(values);
  });
  const busy = check.isPending || create.isPending;
  return (
    <form className={styles.form} onSubmit={save} aria-label="New team SMTP server" noValidate>
      <SmtpFields register={form.register} errors={form.formState.errors} editing={false} />
      <div className={styles.actions}>
        <Button type="button" onClick={runCheck} disabled={busy} data-testid="web-admin-smtp-check">
          {check.isPending ? 'Checking…' : 'Check'}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="web-admin-smtp-save">
          {create.isPending ? 'Saving…' : 'Save'}
        </Button>
      </div>
      {check.data && <CheckReport report={check.data} />}
      <ApiErrorBar error={check.error ?? create.error} title="Not saved" testId="web-admin-smtp-error" />
    </form>
  );
}
