import { useEffect, useRef, useState } from 'react';
import type { FeedEvent, SendwellApi } from '../api/types';

/** The server replays up to 200 events to a new stream; keep them all so rows fold completely. */
const FEED_LIMIT = 300;

interface FeedEntry {
  /** Arrival order, a stable React key. */
  seq: number;
  event: FeedEvent;
}

export interface FeedState {
  /** Newest first, at most FEED_LIMIT. */
  entries: FeedEntry[];
  latest: FeedEvent | null;
  status: 'connecting' | 'open' | 'error';
}

export function useFeed(api: SendwellApi): FeedState {
  const [entries, setEntries] = useState<FeedEntry[]>([]);
  const [status, setStatus] = useState<FeedState['status']>('connecting');
  const seq = useRef(0);
  useEffect(() => {
    // The server replays recent events to every new stream; a fresh stream must not repeat them.
    const seen = new Set<string | number>();
    return api.subscribeFeed({
      onEvent: (event) => {
        if (event.id !== undefined) {
          if (seen.has(event.id)) return;
          seen.add(event.id);
        }
        const entry = { seq: ++seq.current, event };
        setEntries((previous) => [entry, ...previous].slice(0, FEED_LIMIT));
      },
      onStatus: setStatus,
    });
  }, [api]);
  return { entries, latest: entries[0]?.event ?? null, status };
}
