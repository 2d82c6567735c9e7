import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Problem } from '../model/problem';

/** A server or Outlook error as the rep sees it: the message, with the code for support. */
export function ProblemBar(props: { problem: Problem; title?: string; testId?: string }) {
  return (
    <MessageBar intent="error" data-testid={props.testId} data-code={props.problem.code}>
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.problem.message} <code>({props.problem.code})</code>
      </MessageBarBody>
    </MessageBar>
  );
}
