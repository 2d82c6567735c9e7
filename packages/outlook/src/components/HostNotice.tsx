import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { HostCheck } from '../model/host';
import { useVoice } from './voice';

export function HostNotice(props: { check: Extract<HostCheck, { supported: false }> }) {
  const voice = useVoice();
  const account = props.check.accountType;
  return (
    <MessageBar intent="warning" data-testid="host-notice" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{voice.t('host.title')}</MessageBarTitle>
        {voice.t(`host.${account}`)}
        <Text block data-testid="host-what-to-do">
          {voice.t(`host.todo.${account}`)}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
