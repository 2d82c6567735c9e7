import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EditRegular, PauseRegular, PlayRegular } from '@fluentui/react-icons';
import type { Campaign } from '@sendwell/core';
import { Link } from '@tanstack/react-router';
import { useSession } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { usePauseOrResume } from './campaignApi';
import { CAMPAIGN_STATUS_WORDS, pauseBanner } from './campaignWords';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export const STATUS_COLOR = {
  draft: 'informative',
  active: 'success',
  paused: 'warning',
  archived: 'subtle',
} as const;

/** Owner or admin may change a campaign; a breaker's pause is lifted by an admin only. */
export function campaignRights(campaign: Campaign, user: { id: string; role: 'rep' | 'admin' }) {
  const admin = user.role === 'admin';
  const canChange = admin || campaign.owner.id === user.id;
  const breaker = campaign.pause?.by === 'circuit-breaker';
  return {
    canChange,
    canPause: canChange && campaign.status === 'active',
    canResume: campaign.status === 'paused' && (breaker ? admin : canChange),
  };
}

/** Status, owner and zone; Pause / Resume / Edit for whoever may; the pause banner. */
export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const session = useSession();
  const rights = campaignRights(campaign, session.user);
  const action = usePauseOrResume(campaign.id);
  return (
    <>
      <div className={styles.bar}>
        <Badge appearance="tint" color={STATUS_COLOR[campaign.status]} data-testid="web-campaign-status">
          {CAMPAIGN_STATUS_WORDS[campaign.status]}
        </Badge>
        <Caption1>
          Owner {campaign.owner.name} · time zone {campaign.timeZone}
        </Caption1>
        {rights.canPause && (
          <Button
            icon={<PauseRegular />}
            disabled={action.isPending}
            onClick={() => action.mutate('pause')}
            data-testid="web-campaign-pause"
          >
            Pause
          </Button>
        )}
        {rights.canResume && (
          <Button
            icon={<PlayRegular />}
            disabled={action.isPending}
            onClick={() => action.mutate('resume')}
            data-testid="web-campaign-resume"
          >
            Resume
          </Button>
        )}
        {rights.canChange && (
          <Link
            to="/campaigns/$campaignId/edit"
            params={{ campaignId: campaign.id }}
            data-testid="web-campaign-edit"
          >
            <EditRegular aria-hidden /> Edit steps
          </Link>
        )}
      </div>
      <ApiProblem error={action.error} testId="web-campaign-action-error" />
      {campaign.pause && (
        <MessageBar
          intent={campaign.pause.by === 'circuit-breaker' ? 'error' : 'warning'}
          layout="multiline"
          data-testid="campaign-banner"
          data-by={campaign.pause.by}
        >
          <MessageBarBody>
            <MessageBarTitle>Paused</MessageBarTitle>
            {pauseBanner(campaign.pause)}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
