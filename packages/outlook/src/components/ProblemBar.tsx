import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { MessageKey } from '@sendwell/core';
import type { Problem } from '../model/problem';
import { useVoice } from './voice';

/** Failures the pane itself detects, worded from the catalog (the server words its own errors). */
const PANE_PROBLEMS: Record<string, MessageKey> = {
  network: 'problem.network',
  'auth-unavailable': 'problem.authUnavailable',
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
