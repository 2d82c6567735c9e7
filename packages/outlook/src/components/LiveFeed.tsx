import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { FeedState } from '../hooks/useFeed';
import { FeedItem } from './FeedItem';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STATUS_TEXT = { connecting: 'Connecting…', open: 'Live', error: 'Reconnecting…' };

export function LiveFeed(props: { feed: FeedState; now: Date }) {
  const styles = useStyles();
  const { feed } = props;
  return (
    <Section title="Live feed">
      <Caption1 data-testid="feed-status" data-status={feed.status}>
        {STATUS_TEXT[feed.status]}
      </Caption1>
      <ul className={styles.list} data-testid="live-feed" aria-live="polite">
        {feed.entries.map((entry) => (
          <FeedItem key={entry.seq} event={entry.event} now={props.now} />
        ))}
      </ul>
      {feed.entries.length === 0 && (
        <Caption1>No activity yet. Sends and bounces appear here as they happen.</Caption1>
      )}
    </Section>
  );
}
