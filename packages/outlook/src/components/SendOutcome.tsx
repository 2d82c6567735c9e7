import { Caption1 } from '@fluentui/react-components';
import type { FeedEvent } from '../api/types';
import { sendProgress } from '../model/send';

/** Follows a queued send through the live feed: sent, failed, bounced. Kept apart from `send-status`. */
export function SendOutcome(props: { sendId: string; events: readonly FeedEvent[]; now: Date }) {
  const progress = sendProgress(props.sendId, props.events, props.now);
  if (!progress) return null;
  return (
    <Caption1 block data-testid="send-outcome" data-state={progress.state}>
      {progress.text}
    </Caption1>
  );
}
