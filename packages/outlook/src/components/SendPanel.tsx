import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import type { FeedEvent, Template } from '../api/types';
import type { SendState, useSendDraft } from '../hooks/useSendDraft';
import type { useTemplateInsert } from '../hooks/useTemplateInsert';
import type { DraftState } from '../model/draftState';
import { readSendAt } from '../model/sendAt';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { SendAtField } from './SendAtField';
import { AcceptedStatus, SentBefore } from './SendOutcome';
import { useVoice } from './voice';

interface StatusProps {
  send: SendState;
  draft: DraftState | null;
  events: readonly FeedEvent[];
  close: (() => void) | null;
  notSent: string;
  onMergeAgain(): void;
}

function RecipientsChanged(props: {
  send: Extract<SendState, { state: 'recipients-changed' }>;
  onMergeAgain(): void;
}) {
  const voice = useVoice();
  const { mergedFor, added, removed } = props.send;
  const comma = voice.t('list.comma');
  const changes = [
    added.length && voice.t('pane.changed.added', { addresses: added.join(comma) }),
    removed.length && voice.t('pane.changed.removed', { addresses: removed.join(comma) }),
  ]
    .filter(Boolean)
    .join(voice.t('list.semicolon'));
  const name = mergedFor ? (mergedFor.displayName ?? mergedFor.email) : null;
  const detail = name
    ? voice.t(changes ? 'pane.changed.mergedForWith' : 'pane.changed.mergedFor', { name, changes })
    : voice.t(changes ? 'pane.changed.notMergedWith' : 'pane.changed.notMerged', { changes });
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="send-status" data-state="recipients-changed">
      <MessageBarBody>
        <MessageBarTitle>{voice.t('ui.recipientsChanged')}</MessageBarTitle>
        <span data-testid="recipients-changed-detail">{detail}</span>
        <div>
          <Button data-testid="merge-again" onClick={props.onMergeAgain}>
            {voice.t('ui.mergeAgain')}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function SendStatus(props: StatusProps) {
  const voice = useVoice();
  const { send } = props;
  switch (send.state) {
    case 'idle':
      return props.draft?.sent ? <SentBefore sent={props.draft.sent} close={props.close} /> : null;
    case 'sending':
      return (
        <Caption1 data-testid="send-status" data-state="sending">
          {voice.t('pane.sending')}
        </Caption1>
      );
    case 'invalid':
      return (
        <MessageBar intent="warning" data-testid="send-status" data-state="invalid">
          <MessageBarBody>{send.message}</MessageBarBody>
        </MessageBar>
      );
    case 'recipients-changed':
      return <RecipientsChanged send={send} onMergeAgain={props.onMergeAgain} />;
    case 'failed':
      return (
        <div data-testid="send-status" data-state="failed">
          <ProblemBar problem={send.problem} title={props.notSent} />
        </div>
      );
    case 'accepted':
      return <AcceptedStatus send={send} events={props.events} close={props.close} />;
  }
}

export interface SendPanelProps {
  send: ReturnType<typeof useSendDraft>;
  draft: DraftState | null;
  insert: ReturnType<typeof useTemplateInsert>;
  templates: readonly Template[];
  close: (() => void) | null;
  blockedBecause: string | null;
  /** Feed events, to follow the send after it is queued. */
  events: readonly FeedEvent[];
  /** The pane's ticking "now": what "send at" is measured against. */
  now: Date;
}

export function SendPanel(props: SendPanelProps) {
  const voice = useVoice();
  const { send, run, reset } = props.send;
  const [sendAtValue, setSendAtValue] = useState('');
  const sendAt = readSendAt(sendAtValue, voice.timeZone, props.now);
  const sendAtRefused = sendAt.outcome === 'too-far' || sendAt.outcome === 'invalid';
  const mergeAgain = async () => {
    const templateId = props.draft?.insert?.stamp.templateId;
    const template = props.templates.find((candidate) => candidate.id === templateId);
    if (!template) return; // no longer in the list: the rep re-inserts one by hand
    reset();
    await props.insert.run(template);
  };
  return (
    <Section title={voice.t('pane.send')}>
      <SendAtField value={sendAtValue} onChange={setSendAtValue} now={props.now} />
      <Button
        appearance="primary"
        data-testid="send-button"
        disabled={
          props.blockedBecause !== null || send.state === 'sending' || props.draft === null || sendAtRefused
        }
        onClick={() => run(sendAt.outcome === 'at' ? sendAt.at : undefined)}
      >
        {voice.t('ui.sendWithSendwell')}
      </Button>
      {props.blockedBecause && <Caption1>{props.blockedBecause}</Caption1>}
      <SendStatus
        send={send}
        draft={props.draft}
        events={props.events}
        close={props.close}
        notSent={voice.t('ui.notSent')}
        onMergeAgain={mergeAgain}
      />
    </Section>
  );
}
