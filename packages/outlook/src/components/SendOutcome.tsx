import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FeedEvent } from '../api/types';
import type { SendState } from '../hooks/useSendDraft';
import type { DraftState } from '../model/draftState';
import { lifeText } from '../model/send';
import { followSend, type LifeState, overallState } from '../model/sendLife';
import { formatWhen } from '../model/time';

const INTENT: Record<LifeState, 'success' | 'info' | 'warning' | 'error'> = {
  queued: 'info',
  scheduled: 'info',
  sent: 'success',
  delayed: 'warning',
  bounced: 'error',
  failed: 'error',
};

/** Outlook can close the draft for the rep once it has gone out (`item.close()`, Mailbox 1.3). */
function CloseDraft(props: { close: (() => void) | null }) {
  if (!props.close) return <> You can discard this draft.</>;
  return (
    <div>
      <Button data-testid="close-draft" onClick={props.close}>
        Close this draft
      </Button>
    </div>
  );
}

/**
 * The server's answer, followed through the feed: each message's line moves queued → sent →
 * bounced / failed and its times are re-derived from `now`, so none of it goes stale.
 */
export function AcceptedStatus(props: {
  send: Extract<SendState, { state: 'accepted' }>;
  events: readonly FeedEvent[];
  now: Date;
  close: (() => void) | null;
}) {
  const { sends, duplicate } = props.send;
  const lives = sends.map((accepted) => followSend(accepted, props.events, props.now));
  const overall = overallState(lives);
  const title = duplicate
    ? 'Already sent — nothing new was sent'
    : lives.length === 1
      ? lifeText(lives[0]!, props.now)
      : `${lives.length} emails, one to each recipient`;
  return (
    <MessageBar
      intent={duplicate ? 'info' : INTENT[overall]}
      layout="multiline"
      data-testid="send-status"
      data-state={duplicate ? 'duplicate' : (sends[0]?.status ?? 'queued')}
      data-life={overall}
      data-send-id={sends[0]?.id}
    >
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {(duplicate || lives.length > 1) && (
          <ul>
            {lives.map((life) => (
              <li key={life.id} data-testid="send-outcome" data-state={life.state} data-send-id={life.id}>
                {life.to.length ? `${life.to.join(', ')}: ` : ''}
                {lifeText(life, props.now)}
              </li>
            ))}
          </ul>
        )}
        {lives.length === 1 && !duplicate && (
          <Caption1 block data-testid="send-outcome" data-state={lives[0]!.state} data-send-id={lives[0]!.id}>
            {sends[0]?.explanation?.trim()}
          </Caption1>
        )}
        {overall !== 'failed' && <CloseDraft close={props.close} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A pane opened on a draft it already sent: say so before the rep clicks Send again. */
export function SentBefore(props: {
  sent: NonNullable<DraftState['sent']>;
  now: Date;
  close: (() => void) | null;
}) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="send-status" data-state="sent-before">
      <MessageBarBody>
        <MessageBarTitle>This draft was sent with Sendwell</MessageBarTitle>
        Sent at {formatWhen(new Date(props.sent.at), props.now)}. Sending it again sends nothing.
        <CloseDraft close={props.close} />
      </MessageBarBody>
    </MessageBar>
  );
}
