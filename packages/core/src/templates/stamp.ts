import type { MergeRecipient } from './merge';

/**
 * What a merge was made for, remembered with the draft after Insert, so a change of recipients is
 * noticed before Send instead of mailing Bob "Quick question for Ada".
 *
 * - `one`: one email, merged for `mergedFor`, to every recipient of the draft;
 * - `each`: one email per To recipient, each merged for its own recipient at send time.
 */
export interface MergeStamp {
  templateId: string;
  mode: 'one' | 'each';
  /** The recipient whose fields filled the text (`one`), or null when nobody's did. */
  mergedFor: MergeRecipient | null;
  /** The To addresses (lower case, sorted) when the merge was made. */
  to: string[];
}

const normalise = (recipients: readonly MergeRecipient[]) =>
  [...new Set(recipients.map((r) => r.email.trim().toLowerCase()))].sort();

export function stampMerge(
  templateId: string,
  mode: MergeStamp['mode'],
  to: readonly MergeRecipient[],
  mergedFor: MergeRecipient | null,
): MergeStamp {
  return { templateId, mode, mergedFor, to: normalise(to) };
}

export type StampCheck =
  | { outcome: 'current' }
  /** The To line changed since the merge: offer to merge again before sending. */
  | { outcome: 'recipients-changed'; added: string[]; removed: string[] };

/** Is a merge still right for the draft's To line as it is now? */
export function checkStamp(stamp: MergeStamp, to: readonly MergeRecipient[]): StampCheck {
  const now = normalise(to);
  const before = new Set(stamp.to);
  const after = new Set(now);
  const added = now.filter((a) => !before.has(a));
  const removed = stamp.to.filter((a) => !after.has(a));
  if (stamp.mode === 'one' && stamp.mergedFor && !after.has(stamp.mergedFor.email.toLowerCase()))
    return { outcome: 'recipients-changed', added, removed };
  if (stamp.mode === 'one' && !stamp.mergedFor && now.length > 0)
    return { outcome: 'recipients-changed', added, removed };
  if (added.length || removed.length) return { outcome: 'recipients-changed', added, removed };
  return { outcome: 'current' };
}

/** Does a template use fields that differ from one person to the next (so "one email each" matters)? */
export function isPersonal(text: string): boolean {
  return /\{\{\s*recipient\./.test(text);
}
