import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FeedEvent } from '../api/types';
import { describeFeedEvent } from '../model/feed';
import { formatWhen } from '../model/time';

const TONE_COLOR = {
  info: tokens.colorNeutralStroke1,
  success: tokens.colorPaletteGreenBorderActive,
  warning: tokens.colorPaletteYellowBorderActive,
  error: tokens.colorPaletteRedBorderActive,
};

const useStyles = makeStyles({
  item: {
    listStyle: 'none',
    paddingInlineStart: tokens.spacingHorizontalS,
    borderLeftWidth: '3px',
    borderLeftStyle: 'solid',
  },
});

export function FeedItem(props: { event: FeedEvent; now: Date }) {
  const styles = useStyles();
  const view = describeFeedEvent(props.event, props.now);
  return (
    <li
      className={styles.item}
      style={{ borderLeftColor: TONE_COLOR[view.tone] }}
      data-testid="feed-item"
      data-type={props.event.type}
    >
      <Text block weight={view.tone === 'error' ? 'semibold' : 'regular'}>
        {view.title}
      </Text>
      <Caption1 block>
        {formatWhen(new Date(props.event.at), props.now)}
        {view.detail && ` · ${view.detail}`}
      </Caption1>
    </li>
  );
}
