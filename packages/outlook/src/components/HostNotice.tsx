import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { HostCheck } from '../model/host';

export function HostNotice(props: { check: Extract<HostCheck, { supported: false }> }) {
  return (
    <MessageBar intent="warning" data-testid="host-notice" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.check.title}</MessageBarTitle>
        {props.check.explanation}
        <Text block data-testid="host-what-to-do">
          {props.check.whatToDo}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
