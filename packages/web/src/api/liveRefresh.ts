import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Replayed events arrive in a burst when the stream opens: one refresh for a burst is enough. */
const SETTLE_MS = 300;

/**
 * Keeps pages that show sends current: each event of the rep's live feed (`/api/v1/feed/stream`,
 * queued, submitted, bounced, cancelled…) refetches the queries under `paths`. The feed, not a
 * timer, says when something changed; EventSource reconnects by itself.
 */
export function useLiveRefresh(
  token: string,
  paths: readonly string[],
  scope: 'mine' | 'team' = 'mine',
): void {
  const client = useQueryClient();
  const key = paths.join('|');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const prefixes = key.split('|');
    const url = `/api/v1/feed/stream?scope=${scope}&access_token=${encodeURIComponent(token)}`;
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () =>
      client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'api' && prefixes.some((p) => String(q.queryKey[1]).startsWith(p)),
      });
    source.onmessage = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client, token, key, scope]);
}
