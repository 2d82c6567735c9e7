import { useCallback, useState } from 'react';
import type { SendwellApi } from '../api/types';
import { type Problem, toProblem } from '../model/problem';

export type CancelState = { state: 'cancelling' } | { state: 'failed'; problem: Problem };

/**
 * Cancel a queued send from its feed row (`POST /sends/{id}/cancel`). Success shows through the
 * feed: the server's `send.cancelled` event moves the row to "Cancelled"; a refusal (already with
 * the provider: 409) stays on the row in the server's words.
 */
export function useCancelSend(api: SendwellApi) {
  const [states, setStates] = useState<ReadonlyMap<string, CancelState>>(new Map());
  const put = useCallback((sendId: string, state: CancelState | null) => {
    setStates((previous) => {
      const next = new Map(previous);
      if (state) next.set(sendId, state);
      else next.delete(sendId);
      return next;
    });
  }, []);
  const cancel = useCallback(
    async (sendId: string) => {
      put(sendId, { state: 'cancelling' });
      try {
        await api.cancelSend(sendId);
        put(sendId, null);
      } catch (error) {
        put(sendId, { state: 'failed', problem: toProblem(error) });
      }
    },
    [api, put],
  );
  return { states, cancel };
}
