import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Suppression } from '@sendwell/core';
import { useState } from 'react';
import { useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { useLiftSuppression } from './suppressionApi';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Each suppression with why in core's words; an admin may lift a live one after a question. */
export function SuppressionList(props: { items: Suppression[]; isAdmin: boolean }) {
  const styles = useStyles();
  if (props.items.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Suppressions">
      {props.items.map((s) => (
        <SuppressionItem key={s.id} suppression={s} isAdmin={props.isAdmin} />
      ))}
    </ul>
  );
}

const isLive = (s: Suppression, now: Date) => !s.liftedAt && (!s.until || new Date(s.until) > now);

function SuppressionItem(props: { suppression: Suppression; isAdmin: boolean }) {
  const styles = useStyles();
  const voice = useVoice();
  const s = props.suppression;
  const live = isLive(s, new Date());
  return (
    <li
      className={styles.item}
      data-testid="web-suppression-row"
      data-email={s.email}
      data-state={live ? 'live' : 'ended'}
    >
      <div className={styles.head}>
        <strong>{s.email}</strong>
        <Badge appearance="tint" color={live ? 'danger' : 'informative'}>
          {voice.suppressionReason(s.reason)}
        </Badge>
        {!live && (
          <Badge appearance="outline" color="informative">
            {s.liftedAt ? 'lifted' : 'ended'}
          </Badge>
        )}
      </div>
      <Body1 data-testid="web-suppression-why">{voice.whySuppressed(s)}</Body1>
      {props.isAdmin && live && <LiftButton suppression={s} />}
    </li>
  );
}

/**
 * Asked in the page, not in a Fluent Dialog: the Dialog's focus trap leaves focusable aria-hidden
 * guards in the body, which axe reports (see admin/channels/DeleteChannelButton.tsx).
 */
function LiftButton(props: { suppression: Suppression }) {
  const voice = useVoice();
  const lift = useLiftSuppression();
  const [asking, setAsking] = useState(false);
  const { id, email } = props.suppression;
  return (
    <div>
      <Button
        size="small"
        aria-expanded={asking}
        onClick={() => setAsking(true)}
        disabled={lift.isPending}
        data-testid="web-suppression-lift"
      >
        Lift
      </Button>
      {asking && (
        <MessageBar intent="warning" layout="multiline" data-testid="web-suppression-lift-question">
          <MessageBarBody>{voice.t('suppression.liftConfirm', { email })}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={lift.isPending}
              onClick={() => lift.mutate(id, { onSuccess: () => setAsking(false) })}
              data-testid="web-suppression-lift-confirm"
            >
              Lift it
            </Button>
            <Button onClick={() => setAsking(false)}>Keep it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ApiProblem error={lift.error} testId="web-suppression-lift-error" />
    </div>
  );
}
