import { Caption1, Spinner, Text } from '@fluentui/react-components';
import type { ChannelInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';

/** Sends go out as the connected mailbox; say so when that is not the mailbox open in Outlook. */
function mismatch(info: ChannelInfo, userEmail: string): string | null {
  const address = info.channel.address;
  return address.toLowerCase() === userEmail.toLowerCase()
    ? null
    : `Note: Sendwell sends as ${address}, not as ${userEmail} (the mailbox open in Outlook).`;
}

export function ChannelCard(props: { channel: Loaded<ChannelInfo>; userEmail: string }) {
  const { channel } = props;
  return (
    <Section title="Sends through">
      {channel.state === 'loading' && <Spinner size="tiny" label="Checking your channel…" />}
      {channel.state === 'failed' && (
        <div data-testid="channel-label">
          <ProblemBar problem={channel.problem} title="No channel for Outlook sends" />
        </div>
      )}
      {channel.state === 'ready' && (
        <>
          <Text weight="semibold" data-testid="channel-label">
            {channel.value.channel.label}
          </Text>
          <Caption1 data-testid="channel-explanation">
            {channel.value.channel.address} · {channel.value.explanation}
          </Caption1>
          {mismatch(channel.value, props.userEmail) && (
            <Caption1>{mismatch(channel.value, props.userEmail)}</Caption1>
          )}
        </>
      )}
    </Section>
  );
}
