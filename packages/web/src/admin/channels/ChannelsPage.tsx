import { Body1, Caption1 } from '@fluentui/react-components';
import { AdminPage, AdminSection } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useChannels } from '../adminApi';
import { NewTeamChannelForm } from './NewTeamChannelForm';
import { TeamChannelCard } from './TeamChannelCard';
import { LegacyVisibility, TeamDefault } from './TeamChannelSettings';

/**
 * The team's delivery channels: the one team SMTP server (check, test send, change, delete), which
 * channel web and campaign sends use by default, and whether legacy accounts see the legacy servers.
 * Add-in sends always go through each rep's own mailbox, whatever is set here.
 */
export function ChannelsPage() {
  const channels = useChannels();
  const data = channels.data;
  const team = data?.smtpChannels.find((c) => c.scope === 'team') ?? null;
  return (
    <AdminPage
      title="Channels"
      intro="Reps' own mailboxes (Exchange Online, Gmail) are the recommended channel. A team SMTP server is an alternative for web and campaign sends; sends from Outlook and Gmail always go through the rep's own mailbox."
      testId="web-admin-channels"
    >
      <ApiErrorBar error={channels.error} title="The channels could not be loaded" />
      {channels.isPending && <Caption1>Loading the channels…</Caption1>}
      {data && (
        <>
          <AdminSection title="Team SMTP server">
            <Body1>
              One SMTP server for the whole team. Emails go out with each rep&apos;s own address as the
              sender, so bounce notices come back to the rep&apos;s inbox.
            </Body1>
            {team ? <TeamChannelCard channel={team} /> : <NewTeamChannelForm />}
          </AdminSection>
          <TeamDefault channels={data} />
          <LegacyVisibility channels={data} />
        </>
      )}
    </AdminPage>
  );
}
