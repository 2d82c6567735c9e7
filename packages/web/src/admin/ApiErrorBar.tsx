import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiError } from '../api/client';

/**
 * An `/api/v1` refusal as the server worded it (core's sentences: Marketo's servers, "use the email
 * connection", the last admin), with its stable code for support.
 */
export function ApiErrorBar(props: { error: ApiError | Error | null; title?: string; testId?: string }) {
  if (!props.error) return null;
  const { message } = props.error;
  // Anything but the server's envelope (an answer that failed core's schema) is ours to own up to.
  const code = 'code' in props.error ? props.error.code : 'unexpected-answer';
  return (
    <MessageBar intent="error" data-testid={props.testId} data-code={code} role="alert">
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {message} <code>({code})</code>
      </MessageBarBody>
    </MessageBar>
  );
}
