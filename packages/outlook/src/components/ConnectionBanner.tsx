import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Voice } from '@sendwell/core';
import type { ConnectionInfo } from '../api/types';
import type { ConnectionControl } from '../hooks/useConnection';
import type { PaneConnection } from '../model/connection';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

type BannerState = 'none' | ConnectionInfo['state'];

interface BannerWords {
  intent: 'warning' | 'error' | 'info';
  title: string;
  lines: { text: string; testId?: string }[];
  action: 'connect' | 'reconnect' | null;
}

type NotConnected = ConnectionInfo & { state: Exclude<ConnectionInfo['state'], 'connected'> };

function mailboxWords(voice: Voice, info: NotConnected, canConnect: boolean): BannerWords {
  const provider = voice.t(`connection.provider.${info.provider}`);
  switch (info.state) {
    case 'needs-reconnect': {
      const lines = info.problem
        ? [
            {
              text: voice.t(`connection.problem.${info.problem}`, { provider }),
              testId: 'connection-problem',
            },
          ]
        : [];
      if (info.heldSends > 0)
        lines.push({ text: voice.count('connection.held', info.heldSends), testId: 'connection-held' });
      return {
        intent: 'warning',
        title: voice.t('connection.title.needsReconnect', { provider }),
        lines,
        action: canConnect ? 'reconnect' : null,
      };
    }
    case 'disconnected':
      return {
        intent: 'warning',
        title: voice.t('connection.title.disconnected', { provider }),
        lines: [{ text: voice.t('connection.detail.disconnected') }],
        action: canConnect ? 'connect' : null,
      };
    case 'disabled':
      return {
        intent: 'error',
        title: voice.t('connection.title.disabled', { provider }),
        lines: [{ text: voice.t('connection.detail.disabled') }],
        action: null,
      };
  }
}

function noneWords(voice: Voice, canConnect: boolean): BannerWords {
  const provider = voice.t('connection.provider.exchange');
  const detail = canConnect ? voice.t('connection.detail.none') : voice.t('pane.connect.notConnectable');
  return {
    intent: 'warning',
    title: voice.t('connection.title.none', { provider }),
    lines: [{ text: detail }],
    action: canConnect ? 'connect' : null,
  };
}

/** Exchange Server: a standing note that bounces cannot be tracked there, and why. */
function OnPremisesNote(props: { info: ConnectionInfo }) {
  const voice = useVoice();
  if (props.info.bounceTracking) return null;
  return (
    <MessageBar intent="info" data-testid="connection-note">
      <MessageBarBody>{voice.t('connection.noBounceTracking')}</MessageBarBody>
    </MessageBar>
  );
}

function Banner(props: { state: BannerState; words: BannerWords; control: ConnectionControl }) {
  const voice = useVoice();
  const { words, control } = props;
  const label =
    words.action === 'reconnect'
      ? voice.t('connection.action.reconnect')
      : voice.t('connection.action.connect');
  return (
    <MessageBar
      intent={words.intent}
      layout="multiline"
      data-testid="connection-banner"
      data-state={props.state}
    >
      <MessageBarBody>
        <MessageBarTitle>{words.title}</MessageBarTitle>
        {words.lines.map((line) => (
          <div key={line.text} data-testid={line.testId}>
            {line.text}
          </div>
        ))}
        {control.waiting && <div data-testid="connect-waiting">{voice.t('pane.connect.waiting')}</div>}
      </MessageBarBody>
      {words.action && (
        <MessageBarActions>
          <Button
            appearance="primary"
            data-testid="connect-mailbox"
            disabled={control.waiting}
            onClick={control.connect}
          >
            {label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/**
 * The rep's mailbox connection: nothing to say while it is connected (bar the on-premises note),
 * otherwise what is wrong in words and the one button that fixes it.
 */
export function ConnectionBanner(props: { control: ConnectionControl }) {
  const voice = useVoice();
  const { connection, connectProblem } = props.control;
  if (connection.state === 'loading') return null;
  if (connection.state === 'failed')
    return <ProblemBar problem={connection.problem} testId="connection-failed" />;
  const value: PaneConnection = connection.value;
  const problem = connectProblem && <ProblemBar problem={connectProblem} testId="connect-failed" />;
  if (value.kind === 'none')
    return (
      <>
        {problem}
        <Banner state="none" words={noneWords(voice, value.canConnect)} control={props.control} />
      </>
    );
  const info = value.info;
  if (info.state === 'connected')
    return (
      <>
        <div data-testid="connection-banner" data-state="connected" data-provider={info.provider} />
        <OnPremisesNote info={info} />
      </>
    );
  return (
    <>
      {problem}
      <Banner
        state={info.state}
        words={mailboxWords(voice, info as NotConnected, value.canConnect)}
        control={props.control}
      />
      <OnPremisesNote info={info} />
    </>
  );
}
