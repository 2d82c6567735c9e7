import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { foldFeed, type SendRow } from '@sendwell/core';
import type { FeedEvent } from '../api/types';
import type { SendState } from '../hooks/useSendDraft';
import type { DraftState } from '../model/draftState';
import { type LifeState, lifeOf, overallLife, rowForSend } from '../model/sendRows';
import { useVoice } from './voice';

const INTENT: Record<LifeState, 'success' | 'info' | 'warning' | 'error'> = {
  queued: 'info',
  sent: 'success',
  delayed: 'warning',
  bounced: 'error',
  failed: 'error',
  cancelled: 'warning',
};

/** Outlook can close the draft for the rep once it has gone out (`item.close()`, Mailbox 1.3). */
function CloseDraft(props: { close: (() => void) | null }) {
  const voice = useVoice();
  if (!props.close) return <> {voice.t('pane.discard')}</>;
  return (
    <div>
      <Button data-testid="close-draft" onClick={props.close}>
        {voice.t('ui.closeDraft')}
      </Button>
    </div>
  );
}

/** One message: its status line, then each recipient with news (bounced, delayed). */
function MessageLine(props: { row: SendRow; withAddress: boolean }) {
  const voice = useVoice();
  const { row } = props;
  const status = voice.sendStatus(row).text;
  // Why it waits (the planner's rule, from its queued event), while it waits.
  const why = row.phase === 'queued' ? voice.slot(row.slot) : null;
  const news = row.recipients.filter((recipient) => recipient.state !== 'sent').map(voice.outcome);
  return (
    <li data-testid="send-outcome" data-state={lifeOf(row)} data-send-id={row.sendId}>
      {props.withAddress && row.to.length ? `${row.to.join(voice.t('list.comma'))}: ` : ''}
      {status}
      {why && (
        <Caption1 block data-testid="send-why">
          {why}
        </Caption1>
      )}
      {news.map((line) => (
        <Caption1 block key={line.text} data-testid="send-recipient" data-tone={line.tone}>
          {line.text}
        </Caption1>
      ))}
    </li>
  );
}

/**
 * The server's answer, followed through the feed: each message moves queued → sent → bounced /
 * failed, worded by core's voice from rows rebuilt on every render, so nothing on it goes stale.
 */
export function AcceptedStatus(props: {
  send: Extract<SendState, { state: 'accepted' }>;
  events: readonly FeedEvent[];
  close: (() => void) | null;
}) {
  const voice = useVoice();
  const { sends, duplicate, at } = props.send;
  const folded = foldFeed(props.events);
  const rows = sends.map((accepted) => rowForSend(accepted, folded, at));
  const overall = overallLife(rows);
  const title = duplicate
    ? voice.t('ui.alreadySent')
    : rows.length === 1
      ? voice.sendStatus(rows[0]!).text
      : voice.t('pane.eachSent', { n: voice.number(rows.length) });
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
        <ul>
          {rows.map((row) => (
            <MessageLine key={row.key} row={row} withAddress={rows.length > 1} />
          ))}
        </ul>
        {overall !== 'failed' && <CloseDraft close={props.close} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A pane opened on a draft it already sent: say so before the rep clicks Send again. */
export function SentBefore(props: { sent: NonNullable<DraftState['sent']>; close: (() => void) | null }) {
  const voice = useVoice();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="send-status" data-state="sent-before">
      <MessageBarBody>
        <MessageBarTitle>{voice.t('pane.sentBefore')}</MessageBarTitle>{' '}
        {voice.t('pane.sentBeforeDetail', {
          sent: voice.t('send.sent', { time: voice.time(props.sent.at) }),
        })}
        <CloseDraft close={props.close} />
      </MessageBarBody>
    </MessageBar>
  );
}
