import {
  Badge,
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { type ChannelsAnswer, channelsAnswerSchema } from '@sendwell/core';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ApiProblem, Loaded, Section } from '../../ui/Page';

const useStyles = makeStyles({
  option: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  details: {
    paddingLeft: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  label: { display: 'inline-flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type Entry = ChannelsAnswer['catalog'][number];
/** The radio value of an entry: its id, or `legacy-hosted` for the hosted server not used yet. */
const channelValue = (entry: Entry): string => entry.id ?? 'legacy-hosted';
const TEAM_DEFAULT = 'team-default';

function chosenValue(answer: ChannelsAnswer): string {
  const chosen = answer.catalog.find((e) => e.chosen);
  if (chosen) return channelValue(chosen);
  return answer.teamDefaultId ? TEAM_DEFAULT : '';
}

/**
 * The delivery channels this rep may use for web (and campaign) sends, as the server's catalog
 * words them: recommended first, each warning and whether bounces can be tracked, and why.
 */
export function ChannelSection() {
  const channels = useApiQuery('/channels', { schema: channelsAnswerSchema });
  const choose = useApiMutation(
    (api, channelId: string | null) => api.put('/channels/choice', { channelId }),
    ['/channels'],
  );
  return (
    <Section title="My channel for web sends" testId="web-channels">
      <Body1 as="p">
        Emails you write in Outlook or Gmail always go through that mailbox. Emails sent from this web app go
        through the channel you pick here.
      </Body1>
      <Loaded query={channels} label="Loading your channels">
        {(answer) => (
          <ChannelChoice
            answer={answer}
            disabled={choose.isPending}
            onChoose={(v) => choose.mutate(v === TEAM_DEFAULT ? null : v)}
          />
        )}
      </Loaded>
      <ApiProblem error={choose.error} testId="web-channel-error" />
    </Section>
  );
}

function ChannelChoice(props: {
  answer: ChannelsAnswer;
  disabled: boolean;
  onChoose: (value: string) => void;
}) {
  const styles = useStyles();
  const { answer } = props;
  const teamDefault = answer.catalog.find((e) => e.id !== null && e.id === answer.teamDefaultId);
  return (
    <RadioGroup
      aria-label="Channel for web sends"
      value={chosenValue(answer)}
      disabled={props.disabled}
      onChange={(_e, data) => props.onChoose(data.value)}
    >
      {teamDefault && (
        <div className={styles.option}>
          <Radio
            value={TEAM_DEFAULT}
            data-testid={`web-channel-option-${TEAM_DEFAULT}`}
            label={`Use the team default (${teamDefault.label})`}
          />
        </div>
      )}
      {answer.catalog.map((entry) => (
        <ChannelOption key={channelValue(entry)} entry={entry} />
      ))}
    </RadioGroup>
  );
}

function ChannelOption({ entry }: { entry: Entry }) {
  const styles = useStyles();
  const value = channelValue(entry);
  return (
    <div className={styles.option} data-testid={`web-channel-${value}`}>
      <Radio
        value={value}
        disabled={!entry.selectable}
        data-testid={`web-channel-option-${value}`}
        label={
          <span className={styles.label}>
            {entry.label}
            {entry.recommended && (
              <Badge appearance="tint" color="success">
                Recommended
              </Badge>
            )}
            {entry.teamDefault && (
              <Badge appearance="tint" color="brand">
                Team default
              </Badge>
            )}
          </span>
        }
      />
      <div className={styles.details}>
        {entry.warning && (
          <MessageBar intent="warning" data-testid="web-channel-warning">
            <MessageBarBody>{entry.warning}</MessageBarBody>
          </MessageBar>
        )}
        <Caption1 data-testid="web-channel-bounce-tracking">
          {entry.bounceTracking.available ? 'Bounce tracking: on. ' : 'Bounce tracking: not available. '}
          {entry.bounceTracking.reason}
        </Caption1>
      </div>
    </div>
  );
}
