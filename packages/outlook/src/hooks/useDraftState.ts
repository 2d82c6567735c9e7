import { useEffect, useMemo, useState } from 'react';
import { type DraftState, newDraftState, parseDraftState } from '../model/draftState';
import type { DraftMemory } from '../office/types';

/** Reads and writes the draft's remembered state; writes are chained so none is lost. */
export interface DraftStore {
  current(): Promise<DraftState>;
  update(change: (state: DraftState) => DraftState): Promise<DraftState>;
}

/**
 * The first read makes the draft's idempotency key and stores it at once, so every Send of this
 * draft — a second click, or a pane reopened later — carries the same key.
 */
export function createDraftStore(
  memory: DraftMemory,
  newKey: () => string,
  onChange: (state: DraftState) => void,
): DraftStore {
  let latest: Promise<DraftState> | null = null;
  const load = async () => {
    const remembered = parseDraftState(await memory.read());
    if (remembered) return remembered;
    const fresh = newDraftState(newKey());
    // Not stored (the host refused): the key still holds for this pane, and the server still dedups it.
    await memory.write(JSON.stringify(fresh)).catch(() => undefined);
    return fresh;
  };
  const current = () => {
    if (!latest)
      latest = load().then((state) => {
        onChange(state);
        return state;
      });
    const loading = latest;
    loading.catch(() => {
      if (latest === loading) latest = null; // try again next time
    });
    return loading;
  };
  return {
    current,
    update(change) {
      const before = current();
      const next = before.then(async (state) => {
        const changed = change(state);
        await memory.write(JSON.stringify(changed));
        onChange(changed);
        return changed;
      });
      latest = next.catch(() => before); // a failed write leaves the last good state
      return next;
    },
  };
}

export function useDraftState(memory: DraftMemory, newKey: () => string) {
  const [state, setState] = useState<DraftState | null>(null);
  // One store per draft: a new key maker must not start a second one.
  const store = useMemo(() => createDraftStore(memory, newKey, setState), [memory]);
  useEffect(() => {
    store.current().catch(() => undefined); // a failed read is retried by the first Send or Insert
  }, [store]);
  return { state, store };
}
