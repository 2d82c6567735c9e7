import type { MergeStamp } from '@sendwell/core';

/**
 * What the pane remembers with a draft (Office session data), so "send once" and "merged for whom"
 * survive a second click and a reopened pane.
 */
export interface DraftState {
  version: 1;
  /** The draft's idempotency key: made once per draft, sent with every Send of it. */
  idempotencyKey: string;
  /** The last template insert: whom it was merged for, and the subject the pane wrote (if it did). */
  insert: { stamp: MergeStamp; subject: string | null; personal: boolean } | null;
  /** Set once the server accepted (or recognised) a send of this draft. */
  sent: { at: string; sendIds: string[] } | null;
}

export function newDraftState(idempotencyKey: string): DraftState {
  return { version: 1, idempotencyKey, insert: null, sent: null };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isStamp(value: unknown): value is MergeStamp {
  return (
    isObject(value) &&
    typeof value.templateId === 'string' &&
    (value.mode === 'one' || value.mode === 'each') &&
    Array.isArray(value.to) &&
    value.to.every((address) => typeof address === 'string') &&
    (value.mergedFor === null || (isObject(value.mergedFor) && typeof value.mergedFor.email === 'string'))
  );
}

function insertOf(value: unknown): DraftState['insert'] {
  if (!isObject(value) || !isStamp(value.stamp)) return null;
  return {
    stamp: value.stamp,
    subject: typeof value.subject === 'string' ? value.subject : null,
    personal: value.personal !== false,
  };
}

function sentOf(value: unknown): DraftState['sent'] {
  if (!isObject(value) || typeof value.at !== 'string' || !Array.isArray(value.sendIds)) return null;
  return { at: value.at, sendIds: value.sendIds.filter((id): id is string => typeof id === 'string') };
}

/** Reads what an earlier pane wrote; anything unreadable is treated as nothing remembered. */
export function parseDraftState(text: string | null): DraftState | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || value.version !== 1 || typeof value.idempotencyKey !== 'string') return null;
    return {
      version: 1,
      idempotencyKey: value.idempotencyKey,
      insert: insertOf(value.insert),
      sent: sentOf(value.sent),
    };
  } catch {
    return null;
  }
}
