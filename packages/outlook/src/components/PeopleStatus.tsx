import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Campaign, PersonStatus } from '../api/types';
import type { DraftPerson, RemoveState, useDraftPeople } from '../hooks/useDraftPeople';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

type Enrolment = PersonStatus['enrolments'][number];

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  person: { listStyle: 'none' },
  enrolment: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

interface EnrolmentProps {
  email: string;
  enrolment: Enrolment;
  /** The rep's own campaign (null: a teammate's, which the pane does not change). */
  campaign: Campaign | null;
  removal: RemoveState | null;
  onRemove(): void;
}

/** "Spring launch: left: bounced", with Remove while the person is still active in the rep's own campaign. */
function EnrolmentLine(props: EnrolmentProps) {
  const styles = useStyles();
  const voice = useVoice();
  const { enrolment, campaign, removal } = props;
  const line = voice.enrolmentLine({ ...enrolment, totalSteps: campaign?.steps.length ?? null });
  const removable = enrolment.status === 'active' && campaign !== null;
  return (
    <div className={styles.enrolment}>
      <Caption1
        data-testid="person-enrolment"
        data-campaign-id={enrolment.campaignId}
        data-status={enrolment.status}
        data-tone={line.tone}
      >
        {voice.t('person.inCampaign', { campaign: enrolment.campaignName, status: line.text })}
      </Caption1>
      {removable && (
        <Button
          size="small"
          data-testid="person-remove"
          disabled={removal?.state === 'removing'}
          onClick={props.onRemove}
        >
          {voice.t('campaign.action.remove')}
        </Button>
      )}
      {removal?.state === 'failed' && <ProblemBar problem={removal.problem} testId="person-remove-failed" />}
    </div>
  );
}

function PersonLine(props: {
  person: DraftPerson;
  campaigns: ReadonlyMap<string, Campaign>;
  control: ReturnType<typeof useDraftPeople>;
}) {
  const styles = useStyles();
  const voice = useVoice();
  const { recipient, status, problem } = props.person;
  const email = recipient.email;
  const removalOf = (campaignId: string) =>
    props.control.removals.get(`${email.toLowerCase()}|${campaignId}`) ?? null;
  return (
    <li className={styles.person} data-testid="person-status" data-email={email.toLowerCase()}>
      <Text block weight="semibold">
        {recipient.displayName ? `${recipient.displayName} <${email}>` : email}
      </Text>
      {problem && <ProblemBar problem={problem} />}
      {status && status.enrolments.length === 0 && <Caption1>{voice.t('person.inNoCampaign')}</Caption1>}
      {status?.enrolments.map((enrolment) => (
        <EnrolmentLine
          key={enrolment.id}
          email={email}
          enrolment={enrolment}
          campaign={props.campaigns.get(enrolment.campaignId) ?? null}
          removal={removalOf(enrolment.campaignId)}
          onRemove={() => props.control.remove(email, enrolment.campaignId)}
        />
      ))}
      {status?.suppression && (
        <MessageBar intent="warning" data-testid="person-suppressed">
          <MessageBarBody>
            {voice.whySuppressed({ email: status.email, ...status.suppression })}
          </MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

/** Each draft recipient's campaigns (core's `enrolmentStatus` words) and suppression, read from the server. */
export function PeopleStatus(props: {
  control: ReturnType<typeof useDraftPeople>;
  campaigns: ReadonlyMap<string, Campaign>;
}) {
  const styles = useStyles();
  const voice = useVoice();
  const { people } = props.control;
  if (people.state === 'loading') return <Spinner size="tiny" />;
  if (people.state === 'failed') return <ProblemBar problem={people.problem} />;
  if (people.value.length === 0)
    return <Caption1 data-testid="people-none">{voice.t('campaign.noRecipients')}</Caption1>;
  return (
    <ul className={styles.list} data-testid="people" aria-live="polite">
      {people.value.map((person) => (
        <PersonLine
          key={person.recipient.email.toLowerCase()}
          person={person}
          campaigns={props.campaigns}
          control={props.control}
        />
      ))}
    </ul>
  );
}
