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
import type { Campaign, Line } from '@sendwell/core';
import { Link } from '@tanstack/react-router';
import { useSession, useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { usePauseOrResume } from './campaignApi';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** A voice line's tone as a Fluent badge colour. */
const TONE_COLOR = {
  info: 'informative',
  success: 'success',
  warning: 'warning',
  error: 'danger',
} as const;
const TONE_INTENT = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

export function ToneBadge({ line, testId }: { line: Line; testId?: string }) {
  return (
    <Badge appearance="tint" color={TONE_COLOR[line.tone]} data-testid={testId}>
      {line.text}
    </Badge>
  );
}

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

/** Status, owner and zone; Pause / Resume / Edit for whoever may; the circuit breaker's banner. */
export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const session = useSession();
  const voice = useVoice();
  const rights = campaignRights(campaign, session.user);
  const action = usePauseOrResume(campaign.id);
  const banner = voice.breakerBanner(campaign.pause, { isAdmin: session.user.role === 'admin' });
  return (
    <>
      <div className={styles.bar}>
        <ToneBadge line={voice.campaignStatus(campaign)} testId="web-campaign-status" />
        <Caption1>
          Owner {campaign.owner.name} · {campaign.timeZone}
        </Caption1>
        {rights.canPause && (
          <Button
            icon={<PauseRegular />}
            disabled={action.isPending}
            onClick={() => action.mutate('pause')}
            data-testid="web-campaign-pause"
          >
            {voice.t('campaign.action.pause')}
          </Button>
        )}
        {rights.canResume && (
          <Button
            icon={<PlayRegular />}
            disabled={action.isPending}
            onClick={() => action.mutate('resume')}
            data-testid="web-campaign-resume"
          >
            {voice.t('campaign.action.resume')}
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
      {banner && (
        <MessageBar intent={TONE_INTENT[banner.tone]} layout="multiline" data-testid="campaign-banner">
          <MessageBarBody>
            <MessageBarTitle>{banner.title}</MessageBarTitle>
            {banner.detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
