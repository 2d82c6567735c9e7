import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { MessageKey } from '@sendwell/core';
import type { Problem } from '../model/problem';
import { useVoice } from './voice';

/** Failures the pane itself detects, worded from the catalog (the server words its own errors). */
const PANE_PROBLEMS: Record<string, MessageKey> = {
  network: 'problem.network',
  'auth-unavailable': 'problem.authUnavailable',
  'signin-not-configured': 'pane.connect.signin.not-configured',
  'signin-config-unreachable': 'pane.connect.signin.config-unreachable',
  'signin-cancelled': 'pane.connect.signin.cancelled',
  'signin-refused': 'pane.connect.signin.refused',
  'signin-no-dialog': 'pane.connect.signin.no-dialog',
  'signin-failed': 'pane.connect.signin.failed',
};

/** A server or Outlook error as the rep sees it: the message, with the code for support. */
export function ProblemBar(props: { problem: Problem; title?: string; testId?: string }) {
  const voice = useVoice();
  const { code, message } = props.problem;
  const key = PANE_PROBLEMS[code];
  return (
    <MessageBar intent="error" data-testid={props.testId} data-code={code}>
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {key ? voice.t(key, { error: message }) : message} <code>({code})</code>
      </MessageBarBody>
    </MessageBar>
  );
}
