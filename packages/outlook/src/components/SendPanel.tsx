import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FeedEvent } from '../api/types';
import { type SendDeps, type SendState, useSendDraft } from '../hooks/useSendDraft';
import { describeAcceptedSend } from '../model/send';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { SendOutcome } from './SendOutcome';

function SendStatus(props: { send: SendState }) {
  const { send } = props;
  switch (send.state) {
    case 'idle':
      return null;
    case 'sending':
      return (
        <Caption1 data-testid="send-status" data-state="sending">
          Sending to Sendwell…
        </Caption1>
      );
    case 'invalid':
      return (
        <MessageBar intent="warning" data-testid="send-status" data-state="invalid">
          <MessageBarBody>{send.message}</MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <div data-testid="send-status" data-state="failed">
          <ProblemBar problem={send.problem} title="Not sent" />
        </div>
      );
    case 'accepted': {
      const view = describeAcceptedSend(send.send, send.at);
      return (
        <MessageBar
          intent="success"
          data-testid="send-status"
          data-state={send.send.status}
          data-send-id={send.send.id}
        >
          <MessageBarBody>
            <MessageBarTitle>{view.title}</MessageBarTitle>
            {view.detail} Sendwell sends it from your mailbox; you can discard this draft.
          </MessageBarBody>
        </MessageBar>
      );
    }
  }
}

export interface SendPanelProps {
  deps: SendDeps;
  templateId: string | undefined;
  blockedBecause: string | null;
  /** Feed events, newest first, to follow the send after it is queued. */
  events: readonly FeedEvent[];
}

export function SendPanel(props: SendPanelProps) {
  const { send, run } = useSendDraft(props.deps, props.templateId);
  return (
    <Section title="Send">
      <Button
        appearance="primary"
        data-testid="send-button"
        disabled={props.blockedBecause !== null || send.state === 'sending'}
        onClick={run}
      >
        Send with Sendwell
      </Button>
      {props.blockedBecause && <Caption1>{props.blockedBecause}</Caption1>}
      <SendStatus send={send} />
      {send.state === 'accepted' && (
        <SendOutcome sendId={send.send.id} events={props.events} now={props.deps.clock.now()} />
      )}
    </Section>
  );
}
