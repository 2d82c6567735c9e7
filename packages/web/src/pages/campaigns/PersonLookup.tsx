import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PersonStatus } from '@sendwell/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { usePersonStatus, useRemovePerson } from './campaignApi';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** "Where is this person?": their campaigns in the team, their status, and whether they are suppressed. */
export function PersonLookup() {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [email, setEmail] = useState<string | null>(null);
  const status = usePersonStatus(email);
  const look = () => setEmail(text.trim().toLowerCase() || null);
  return (
    <search>
      <div className={styles.row}>
        <Field label="Email address">
          <Input
            type="email"
            value={text}
            onChange={(_e, d) => setText(d.value)}
            onKeyDown={(e) => e.key === 'Enter' && look()}
            data-testid="web-person-email"
          />
        </Field>
        <Button onClick={look} data-testid="web-person-lookup">
          Look up
        </Button>
      </div>
      <ApiProblem error={status.error} />
      {status.data && <PersonAnswer person={status.data} />}
    </search>
  );
}

function PersonAnswer({ person }: { person: PersonStatus }) {
  const styles = useStyles();
  const voice = useVoice();
  const remove = useRemovePerson();
  const active = person.enrolments.filter((e) => e.status === 'active');
  return (
    <div data-testid="web-person-status">
      {person.suppression && (
        <MessageBar intent="warning" data-testid="web-person-suppressed">
          <MessageBarBody>{person.suppression.message}</MessageBarBody>
        </MessageBar>
      )}
      {person.enrolments.length === 0 ? (
        <p>{person.email} is in no campaign of your team.</p>
      ) : (
        <ul className={styles.list} aria-label={`${person.email}'s campaigns`}>
          {person.enrolments.map((e) => (
            <li key={e.id}>
              <Link to="/campaigns/$campaignId" params={{ campaignId: e.campaignId }}>
                {e.campaignName}
              </Link>
              : <span data-testid="enrolment-status">{voice.enrolmentStatus(e)}</span>
            </li>
          ))}
        </ul>
      )}
      {active.length > 0 && (
        <Button
          disabled={remove.isPending}
          onClick={() => remove.mutate({ email: person.email })}
          data-testid="web-person-remove"
        >
          Remove from {active.length === 1 ? 'this campaign' : `all ${active.length} campaigns`}
        </Button>
      )}
      <ApiProblem error={remove.error} />
    </div>
  );
}
