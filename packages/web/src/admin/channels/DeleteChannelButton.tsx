import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { SmtpChannel } from '@sendwell/core';
import { useState } from 'react';
import { ApiErrorBar } from '../ApiErrorBar';
import { useDeleteSmtpChannel } from '../adminApi';

/**
 * Delete the team server, after saying what happens to the reps who use it. The question is asked
 * in the page rather than in a Fluent Dialog: the Dialog's focus trap (Tabster's modalizer) puts
 * focusable aria-hidden elements in the body, which axe reports as aria-hidden-focus.
 */
export function DeleteChannelButton(props: { channel: SmtpChannel }) {
  const remove = useDeleteSmtpChannel();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        disabled={remove.isPending}
        aria-expanded={asking}
        onClick={() => setAsking(true)}
        data-testid="web-admin-smtp-delete"
      >
        Delete
      </Button>
      {asking && (
        <MessageBar intent="warning" layout="multiline" data-testid="web-admin-smtp-delete-question">
          <MessageBarBody>
            <MessageBarTitle>Delete {props.channel.label}?</MessageBarTitle>
            Reps who chose it, and the team default if it is this server, go back to each rep&apos;s own
            mailbox. The password is removed from Sendwell&apos;s vault.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={remove.isPending}
              onClick={() => remove.mutate(props.channel.id)}
              data-testid="web-admin-smtp-delete-confirm"
            >
              Delete it
            </Button>
            <Button onClick={() => setAsking(false)}>Keep it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ApiErrorBar error={remove.error} title="Not deleted" testId="web-admin-smtp-error" />
    </>
  );
}
