import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import type { SmtpChannel, SmtpTestSendResult, UpdateSmtpChannel } from '@sendwell/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiErrorBar } from '../ApiErrorBar';
import { useCheckSmtpChannel, useTestSend, useUpdateSmtpChannel } from '../adminApi';
import { CheckReport } from './CheckReport';
import { DeleteChannelButton } from './DeleteChannelButton';
import { SmtpFields } from './SmtpFields';
import { formOfChannel, type SmtpFormInput, updateSmtpFormSchema } from './smtpForm';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

const STATE_WORDS: Record<SmtpChannel['state'], string> = {
  connected: 'Ready',
  'needs-reconnect': 'Needs a new password',
  disconnected: 'Disconnected',
  disabled: 'Disabled',
};

/** The saved team server: its settings, Check, a test send, change and delete. */
export function TeamChannelCard(props: { channel: SmtpChannel }) {
  const styles = useStyles();
  const { channel } = props;
  const [editing, setEditing] = useState(false);
  const check = useCheckSmtpChannel();
  return (
    <Card className={styles.card} data-testid="web-admin-smtp-channel" data-channel-id={channel.id}>
      <CardHeader
        header={<Body1 as="h3">{channel.label}</Body1>}
        description={
          <Caption1>
            {channel.host}:{channel.port} · {channel.security} · signs in as {channel.username}
            {channel.allowSelfSigned && ' · accepts a self-signed certificate'}
          </Caption1>
        }
        action={
          <Badge
            appearance="tint"
            color={channel.state === 'connected' ? 'success' : 'warning'}
            data-testid="web-admin-smtp-state"
          >
            {STATE_WORDS[channel.state]}
          </Badge>
        }
      />
      {channel.problem === 'password-rejected' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The server refused the password. Sends through this channel wait until you save the right one.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button
          onClick={() => check.mutate(channel.id)}
          disabled={check.isPending}
          data-testid="web-admin-smtp-check"
        >
          {check.isPending ? 'Checking…' : 'Check'}
        </Button>
        <Button onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {editing ? 'Cancel changes' : 'Change settings'}
        </Button>
        <DeleteChannelButton channel={channel} />
      </div>
      {check.data && <CheckReport report={check.data.report} />}
      <ApiErrorBar error={check.error} title="Not done" testId="web-admin-smtp-error" />
      <TestSend channelId={channel.id} />
      {editing && <EditChannelForm channel={channel} onSaved={() => setEditing(false)} />}
    </Card>
  );
}

function TestSend(props: { channelId: string }) {
  const styles = useStyles();
  const [to, setTo] = useState('');
  const send = useTestSend();
  return (
    <div className={styles.card}>
      <div className={styles.row}>
        <Field label="Send a test email to" hint="Empty: your own address.">
          <Input
            type="email"
            value={to}
            onChange={(_, d) => setTo(d.value)}
            data-testid="web-admin-smtp-test-to"
          />
        </Field>
        <Button
          onClick={() => send.mutate({ id: props.channelId, to: to.trim() || undefined })}
          disabled={send.isPending}
          data-testid="web-admin-smtp-test-send"
        >
          {send.isPending ? 'Sending…' : 'Send a test email'}
        </Button>
      </div>
      {send.data && <TestSendResult result={send.data} />}
      <ApiErrorBar
        error={send.error}
        title="The test email was not sent"
        testId="web-admin-smtp-test-send-error"
      />
    </div>
  );
}

function TestSendResult(props: { result: SmtpTestSendResult }) {
  const { result } = props;
  const headline =
    result.outcome === 'submitted'
      ? `The server accepted a test email to ${result.to}.`
      : result.outcome === 'throttled'
        ? `The server asked Sendwell to slow down; the test email to ${result.to} was not sent.`
        : `The test email to ${result.to} failed.`;
  return (
    <MessageBar
      intent={result.outcome === 'submitted' ? 'success' : 'error'}
      data-testid="web-admin-smtp-test-send-result"
      data-outcome={result.outcome}
    >
      <MessageBarBody>
        {headline} <Caption1>{result.detail}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}

function EditChannelForm(props: { channel: SmtpChannel; onSaved: () => void }) {
  const update = useUpdateSmtpChannel();
  const form = useForm<SmtpFormInput, unknown, UpdateSmtpChannel>({
    resolver: zodResolver(updateSmtpFormSchema),
    defaultValues: formOfChannel(props.channel),
  });
  const save = form.handleSubmit((change) =>
    update.mutate({ id: props.channel.id, change }, { onSuccess: props.onSaved }),
  );
  return (
    <form onSubmit={save} aria-label={`Change ${props.channel.label}`} noValidate>
      <SmtpFields register={form.register} errors={form.formState.errors} editing />
      <Button
        type="submit"
        appearance="primary"
        disabled={update.isPending}
        data-testid="web-admin-smtp-save"
      >
        Save changes
      </Button>
      <ApiErrorBar error={update.error} title="Not saved" testId="web-admin-smtp-error" />
    </form>
  );
}
