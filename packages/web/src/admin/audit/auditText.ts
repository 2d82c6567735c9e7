/**
 * The audit log in words: which action, and what changed from before to after. Entries keep whole
 * before/after snapshots (the server scrubs secrets before storing them), so the page shows only the
 * fields that differ, one line each, rather than two JSON blobs to compare by eye.
 */

const ACTION_WORDS: Record<string, string> = {
  'channel.created': 'Created a channel',
  'channel.updated': 'Changed a channel',
  'channel.deleted': 'Deleted a channel',
  'channel.chosen': 'Chose a channel for web sends',
  'channel.team-default.changed': 'Changed the team default channel',
  'channel.legacy-visibility.changed': 'Changed who sees the legacy servers',
  'settings.throttle.changed': 'Changed the throttle',
  'member.role.changed': "Changed a member's role",
  'member.legacy.changed': "Changed a member's legacy flag",
  'send.cancelled': "Cancelled someone's send",
  'template.team.created': 'Created a team template',
  'template.team.updated': 'Changed a team template',
  'template.team.deleted': 'Deleted a team template',
};

/** A sentence for a known action; an unknown one (a newer server) shows its stable name. */
export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

export interface FieldChange {
  /** Dotted path, e.g. `batch.size`; empty when the whole value is a scalar. */
  field: string;
  before: string;
  after: string;
}

const NOTHING = '—';

function show(value: unknown): string {
  if (value === undefined || value === null) return NOTHING;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf values by dotted path; arrays and scalars are leaves (shown whole). */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!isRecord(value)) {
    if (value !== undefined && value !== null) out.set(prefix, value);
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    for (const [path, leaf] of flatten(inner, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  }
  return out;
}

/** The fields that differ between `before` and `after` (created: all of after; deleted: all of before). */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => show(a.get(p)) !== show(b.get(p)))
    .map((field) => ({ field, before: show(a.get(field)), after: show(b.get(field)) }));
}
