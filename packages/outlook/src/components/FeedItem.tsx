import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FeedRow } from '@sendwell/core';
import type { CancelState } from '../hooks/useCancelSend';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

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

/** A queued send of the rep's own can still be stopped; the button goes once the feed says it moved on. */
export interface RowCancel {
  state: CancelState | null;
  run(): void;
}

function CancelButton(props: { cancel: RowCancel }) {
  const voice = useVoice();
  const { state, run } = props.cancel;
  return (
    <>
      <Button size="small" data-testid="cancel-send" disabled={state?.state === 'cancelling'} onClick={run}>
        {voice.t('compose.cancelSend')}
      </Button>
      {state?.state === 'failed' && <ProblemBar problem={state.problem} testId="cancel-failed" />}
    </>
  );
}

/** One row per send, updated in place through its life; pauses and stray bounces are rows of their own. */
export function FeedItem(props: { row: FeedRow; cancel?: RowCancel | null }) {
  const styles = useStyles();
  const voice = useVoice();
  const words = voice.feedRow(props.row);
  return (
    <li
      className={styles.item}
      style={{ borderLeftColor: TONE_COLOR[words.tone] }}
      data-testid="feed-item"
      data-kind={props.row.kind}
      data-phase={props.row.kind === 'send' ? props.row.phase : undefined}
      data-send-id={props.row.kind === 'send' ? props.row.sendId : undefined}
      data-tone={words.tone}
    >
      <Text block weight={words.tone === 'error' ? 'semibold' : 'regular'}>
        {words.title}
      </Text>
      <Caption1 block>{[words.time, words.status, words.detail].filter(Boolean).join(' · ')}</Caption1>
      {words.recipients.map((line) => (
        <Caption1 block key={line.text} data-testid="feed-recipient" data-tone={line.tone}>
          {line.text}
        </Caption1>
      ))}
      {props.cancel && <CancelButton cancel={props.cancel} />}
    </li>
  );
}
