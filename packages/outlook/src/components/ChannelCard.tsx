import { Caption1, Spinner, Text } from '@fluentui/react-components';
import type { Voice } from '@sendwell/core';
import type { ChannelInfo } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import type { Problem } from '../model/problem';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { useVoice } from './voice';

/** Sends go out as the connected mailbox; say so when that is not the mailbox open in Outlook. */
function mismatch(voice: Voice, info: ChannelInfo, userEmail: string): string | null {
  const address = info.channel.address;
  return address.toLowerCase() === userEmail.toLowerCase()
    ? null
    : voice.t('pane.sendsAs', { address, email: userEmail });
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
      <ProblemBar problem={problem} title={voice.t('pane.noChannel')} />
    </div>
  );
}

export function ChannelCard(props: { channel: Loaded<ChannelInfo>; userEmail: string }) {
  const voice = useVoice();
  const { channel } = props;
  if (channel.state === 'loading')
    return (
      <Section title={voice.t('pane.sendsThrough')}>
        <Spinner size="tiny" label={voice.t('pane.checkingChannel')} />
      </Section>
    );
  if (channel.state === 'failed')
    return (
      <Section title={voice.t('pane.sendsThrough')}>
        <Unavailable problem={channel.problem} />
      </Section>
    );
  const words = voice.channel(channel.value, 'outlook');
  const note = mismatch(voice, channel.value, props.userEmail);
  return (
    <Section title={voice.t('pane.sendsThrough')}>
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
