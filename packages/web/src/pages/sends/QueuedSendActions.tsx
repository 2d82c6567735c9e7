import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { rescheduleAnswerSchema, type SendDetail } from '@sendwell/core';
import { useState } from 'react';
import { useApiMutation } from '../../api/queries';
import { ApiProblem, Section } from '../../ui/Page';
import { fromLocalInput, toLocalInput } from './localTime';
import { isQueued } from './sendWords';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Cancel or move a send still waiting in the outbox; the server re-plans a move under the throttle. */
export function QueuedSendActions({ send }: { send: SendDetail }) {
  const styles = useStyles();
  const [when, setWhen] = useState(() => toLocalInput(new Date(Date.parse(send.sendAt) + 60 * 60_000)));
  const path = `/sends/${encodeURIComponent(send.id)}`;
  const cancel = useApiMutation((api) => api.post(`${path}/cancel`, {}), ['/sends', '/analytics']);
  const reschedule = useApiMutation(
    (api, sendAt: string) => api.post(`${path}/reschedule`, { sendAt }, { schema: rescheduleAnswerSchema }),
    ['/sends'],
  );
  if (!isQueued(send.status) && !reschedule.data) return null;
  const sendAt = fromLocalInput(when);
  return (
    <Section title="Change this send" testId="web-send-actions">
      {isQueued(send.status) && (
        <div className={styles.row}>
          <Field label="Send at" validationMessage={sendAt ? undefined : 'Pick a date and time.'}>
            <Input
              type="datetime-local"
              value={when}
              onChange={(_e, d) => setWhen(d.value)}
              data-testid="web-send-reschedule-at"
            />
          </Field>
          <Button
            onClick={() => sendAt && reschedule.mutate(sendAt)}
            disabled={!sendAt || reschedule.isPending}
            data-testid="web-send-reschedule"
          >
            Reschedule
          </Button>
          <Button
            appearance="primary"
            onClick={() => cancel.mutate(undefined)}
            disabled={cancel.isPending}
            data-testid="web-send-cancel"
          >
            Cancel this send
          </Button>
        </div>
      )}
      {reschedule.data && (
        <MessageBar
          intent={reschedule.data.moved ? 'warning' : 'success'}
          layout="multiline"
          data-testid="web-send-reschedule-result"
        >
          <MessageBarBody>{reschedule.data.explanation}</MessageBarBody>
        </MessageBar>
      )}
      <ApiProblem error={cancel.error ?? reschedule.error} testId="web-send-action-error" />
    </Section>
  );
}
