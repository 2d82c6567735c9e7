import type { Campaign } from '@sendwell/core';
import { getRouteApi } from '@tanstack/react-router';
import { useSession, useVoice } from '../../api/context';
import { useLiveRefresh } from '../../api/liveRefresh';
import { Loaded, Page, Section } from '../../ui/Page';
import { CampaignFunnel, StepAnalyticsTable } from './CampaignFunnel';
import { CampaignHeader, campaignRights } from './CampaignHeader';
import { CampaignSteps } from './CampaignSteps';
import { useCampaign, useCampaignAnalytics, useCampaignForecast } from './campaignApi';
import { EngagementTable } from './EngagementTable';
import { EnrolmentsSection } from './EnrolmentsSection';
import { EnrolSection } from './EnrolSection';

const route = getRouteApi('/signed-in/campaigns/$campaignId');

/** One campaign: status and pause, its steps with the forecast, its numbers, its people, enrolling. */
export function CampaignPage() {
  const { campaignId } = route.useParams();
  const session = useSession();
  const campaign = useCampaign(campaignId);
  // People leave (bounce, reply) and steps go out as the workers run: the feed says when to look again.
  useLiveRefresh(session.token, ['/campaigns', '/people']);
  return (
    <Loaded query={campaign} label="Loading the campaign">
      {(c) => <CampaignView campaign={c} />}
    </Loaded>
  );
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  const session = useSession();
  const voice = useVoice();
  const forecast = useCampaignForecast(campaign.id);
  const analytics = useCampaignAnalytics(campaign.id);
  const { canChange } = campaignRights(campaign, session.user);
  return (
    <Page title={campaign.name} testId="web-campaign">
      <CampaignHeader campaign={campaign} />
      <Section title="Steps" testId="web-campaign-steps-section">
        <CampaignSteps campaign={campaign} forecast={forecast.data} voice={voice} />
      </Section>
      <Section title="Numbers" testId="web-campaign-numbers">
        <Loaded query={analytics} label="Loading the numbers">
          {(a) => (
            <>
              <CampaignFunnel analytics={a} voice={voice} />
              <StepAnalyticsTable analytics={a} voice={voice} />
              <EngagementTable analytics={a} voice={voice} />
            </>
          )}
        </Loaded>
      </Section>
      <Section title="People" testId="web-campaign-people">
        <EnrolmentsSection campaign={campaign} canChange={canChange} />
      </Section>
      {canChange && campaign.status !== 'archived' && (
        <Section title="Enrol people" testId="web-campaign-enrol">
          <EnrolSection campaign={campaign} />
        </Section>
      )}
    </Page>
  );
}
