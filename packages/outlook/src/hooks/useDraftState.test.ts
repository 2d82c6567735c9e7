import { describe, expect, it } from 'vitest';
import { parseDraftState } from '../model/draftState';
import type { DraftMemory } from '../office/types';
import { createDraftStore } from './useDraftState';

/** Session data that can be told to refuse writes, as a host over its size limit would. */
function memory(options: { refuseWrites?: boolean } = {}) {
  const kept: { value: string | null } = { value: null };
  const port: DraftMemory = {
    persistent: true,
    read: async () => kept.value,
    write: async (value) => {
      if (options.refuseWrites) throw new Error('DataExceedsMaximumSize');
      kept.value = value;
    },
  };
  return { port, kept };
}

describe('createDraftStore', () => {
  it('makes the key once and stores it at once, so a later pane reads the same key', async () => {
    const { port, kept } = memory();
    let made = 0;
    const first = createDraftStore(
      port,
      () => `key-${++made}`,
      () => {},
    );
    expect((await first.current()).idempotencyKey).toBe('key-1');
    expect(parseDraftState(kept.value)?.idempotencyKey).toBe('key-1');
    const later = createDraftStore(
      port,
      () => `key-${++made}`,
      () => {},
    );
    expect((await later.current()).idempotencyKey).toBe('key-1');
    expect(made).toBe(1);
  });

  it('chains updates so none is lost', async () => {
    const { port, kept } = memory();
    const store = createDraftStore(
      port,
      () => 'k',
      () => {},
    );
    await Promise.all([
      store.update((state) => ({ ...state, sent: { at: 'a', sendIds: ['s1'] } })),
      store.update((state) => ({
        ...state,
        sent: { at: state.sent!.at, sendIds: [...state.sent!.sendIds, 's2'] },
      })),
    ]);
    expect(parseDraftState(kept.value)?.sent?.sendIds).toEqual(['s1', 's2']);
  });

  it('still has a key for this pane when the host refuses to store it', async () => {
    const { port } = memory({ refuseWrites: true });
    const store = createDraftStore(
      port,
      () => 'k-1',
      () => {},
    );
    expect((await store.current()).idempotencyKey).toBe('k-1');
    await expect(store.update((state) => state)).rejects.toThrow('DataExceedsMaximumSize');
    expect((await store.current()).idempotencyKey).toBe('k-1');
  });
});
