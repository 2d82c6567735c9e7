import { Caption1, Checkbox, makeStyles, Select, tokens } from '@fluentui/react-components';
import { type FeedRow, filterFeed, foldFeed } from '@sendwell/core';
import { useMemo, useState } from 'react';
import type { FeedEvent } from '../api/types';
import type { useCancelSend } from '../hooks/useCancelSend';
import type { FeedState } from '../hooks/useFeed';
import { FeedItem, type RowCancel } from './FeedItem';
import { Section } from './Section';
import { useVoice } from './voice';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Only the rep's own sends still waiting in the outbox can be cancelled from here (a row without an owner is the reader's). */
function cancelFor(
  row: FeedRow,
  userId: string | null,
  control: ReturnType<typeof useCancelSend>,
): RowCancel | null {
  if (row.kind !== 'send' || row.phase !== 'queued') return null;
  if (row.userId !== null && row.userId !== userId) return null;
  return { state: control.states.get(row.sendId) ?? null, run: () => control.cancel(row.sendId) };
}

/** The feed folded into one row per send, filtered to the rep's own or the team's, or to bounces only. */
export function LiveFeed(props: {
  feed: FeedState;
  events: readonly FeedEvent[];
  userId: string | null;
  cancel: ReturnType<typeof useCancelSend>;
}) {
  const styles = useStyles();
  const voice = useVoice();
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const [bouncesOnly, setBouncesOnly] = useState(false);
  const rows = useMemo(() => foldFeed(props.events), [props.events]);
  const shown = filterFeed(rows, { scope, bouncesOnly, userId: props.userId ?? '' });
  return (
    <Section title={voice.t('ui.recentActivity')}>
      <Caption1 data-testid="feed-status" data-status={props.feed.status}>
        {voice.t(`pane.feed.${props.feed.status}`)}
      </Caption1>
      <div className={styles.filters}>
        <Select
          aria-label={voice.t('pane.feed.whose')}
          data-testid="feed-scope"
          value={scope}
          onChange={(_, data) => setScope(data.value === 'team' ? 'team' : 'mine')}
        >
          <option value="mine">{voice.t('ui.scope.mine')}</option>
          <option value="team">{voice.t('ui.scope.team')}</option>
        </Select>
        <Checkbox
          data-testid="feed-bounces-only"
          label={voice.t('ui.bouncesOnly')}
          checked={bouncesOnly}
          onChange={(_, data) => setBouncesOnly(data.checked === true)}
        />
      </div>
      <ul className={styles.list} data-testid="live-feed" aria-live="polite">
        {shown.map((row) => (
          <FeedItem key={row.key} row={row} cancel={cancelFor(row, props.userId, props.cancel)} />
        ))}
      </ul>
      {shown.length === 0 && <Caption1>{voice.t('ui.noActivity')}</Caption1>}
    </Section>
  );
}
