import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Campaign } from '../api/types';
import type { EnrolState, useCampaignEnrol } from '../hooks/useCampaignEnrol';
import type { useDraftPeople } from '../hooks/useDraftPeople';
import { PeopleStatus } from './PeopleStatus';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { useVoice } from './voice';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
});

/** The enrolment's answer: "2 people enrolled · 1 not enrolled", then each refused row and why. */
function EnrolResult(props: { enrol: EnrolState }) {
  const voice = useVoice();
  const { enrol } = props;
  if (enrol.state === 'failed') return <ProblemBar problem={enrol.problem} testId="campaign-result" />;
  if (enrol.state === 'no-recipients')
    return (
      <Caption1 data-testid="campaign-result" data-state="no-recipients">
        {voice.t('campaign.noRecipients')}
      </Caption1>
    );
  if (enrol.state !== 'done') return null;
  const { answer } = enrol;
  return (
    <MessageBar
      intent={answer.errors.length ? 'warning' : 'success'}
      layout="multiline"
      data-testid="campaign-result"
      data-state="done"
    >
      <MessageBarBody>
        <MessageBarTitle>{voice.enrolAnswer(answer)}</MessageBarTitle>
        {answer.errors.map((error) => (
          <Caption1 block key={error.row} data-testid="campaign-result-row" data-code={error.code}>
            {voice.enrolRowError(error)}
          </Caption1>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * "Add to campaign" for the draft's recipients, and each recipient's campaign status with Remove.
 * Only the rep's active campaigns can be picked; a teammate's campaign is changed in the web app.
 */
export function CampaignSection(props: {
  enrol: ReturnType<typeof useCampaignEnrol>;
  people: ReturnType<typeof useDraftPeople>;
}) {
  const styles = useStyles();
  const voice = useVoice();
  const [campaignId, setCampaignId] = useState('');
  const { campaigns, enrol, run } = props.enrol;
  const mine = useMemo(
    () => new Map<string, Campaign>(campaigns.state === 'ready' ? campaigns.value.map((c) => [c.id, c]) : []),
    [campaigns],
  );
  const active = [...mine.values()].filter((c) => c.status === 'active');
  const picked = active.some((c) => c.id === campaignId) ? campaignId : '';
  return (
    <Section title={voice.t('campaign.plural')}>
      {campaigns.state === 'failed' && <ProblemBar problem={campaigns.problem} />}
      <div className={styles.row}>
        <Select
          className={styles.grow}
          aria-label={voice.t('campaign.plural')}
          data-testid="campaign-picker"
          value={picked}
          onChange={(_, data) => setCampaignId(data.value)}
        >
          <option value="">
            {active.length ? voice.t('campaign.choose') : voice.t('campaign.noneActive')}
          </option>
          {active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Button
          data-testid="campaign-add"
          disabled={!picked || enrol.state === 'enrolling'}
          onClick={() => run(picked)}
        >
          {voice.t('campaign.action.add')}
        </Button>
      </div>
      <EnrolResult enrol={enrol} />
      <PeopleStatus control={props.people} campaigns={mine} />
      <div>
        <Button size="small" appearance="subtle" data-testid="people-refresh" onClick={props.people.refresh}>
          {voice.t('person.checkAgain')}
        </Button>
      </div>
    </Section>
  );
}
