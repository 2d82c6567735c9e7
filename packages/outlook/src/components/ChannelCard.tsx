import { Caption1, Spinner, Text } from '@fluentui/react-components';
import type { ChannelInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import type { Problem } from '../model/problem';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { useVoice } from './voice';

/** Sends go out as the connected mailbox; say so when that is not the mailbox open in Outlook. */
function mismatch(info: ChannelInfo, userEmail: string): string | null {
  const address = info.channel.address;
  return address.toLowerCase() === userEmail.toLowerCase()
    ? null
    : `Note: Sendwell sends as ${address}, not as ${userEmail} (the mailbox open in Outlook).`;
}

function Unavailable(props: { problem: Problem }) {
  const voice = useVoice();
  const known = props.problem.code === 'no-native-mailbox' || props.problem.code === 'no-default-channel';
  const problem = known
    ? {
        ...props.problem,
        message: voice.channelUnavailable(props.problem.code as 'no-native-mailbox', 'outlook'),
      }
    : props.problem;
  return (
    <div data-testid="channel-label">
      <ProblemBar problem={problem} title="No channel for Outlook sends" />
    </div>
  );
}

export function ChannelCard(props: { channel: Loaded<ChannelInfo>; userEmail: string }) {
  const voice = useVoice();
  const { channel } = props;
  if (channel.state === 'loading')
    return (
      <Section title="Sends through">
        <Spinner size="tiny" label="Checking your channel…" />
      </Section>
    );
  if (channel.state === 'failed')
    return (
      <Section title="Sends through">
        <Unavailable problem={channel.problem} />
      </Section>
    );
  const words = voice.channel(channel.value, 'outlook');
  const note = mismatch(channel.value, props.userEmail);
  return (
    <Section title="Sends through">
      <Text weight="semibold" data-testid="channel-label">
        {words.title}
      </Text>
      <Caption1 data-testid="channel-explanation">
        {[words.address, words.forced, words.override].filter(Boolean).join(' · ')}
      </Caption1>
      {note && <Caption1>{note}</Caption1>}
    </Section>
  );
}
