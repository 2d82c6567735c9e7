/**
 * Deterministic recipient rules: the domain decides what happens to a message, so demos and tests
 * can provoke every kind of notice without a real remote server.
 */
export type RecipientFate = 'deliver' | 'hard-bounce' | 'soft-bounce' | 'delay';

const RULES: Record<string, RecipientFate> = {
  'bounce.test': 'hard-bounce',
  'full.test': 'soft-bounce',
  'delay.test': 'delay',
};

export function recipientFate(address: string): RecipientFate {
  const domain = address.toLowerCase().split('@')[1] ?? '';
  return RULES[domain] ?? 'deliver';
}

/** Notices group recipients the way MTAs do: one failure report, one delay report per message. */
export type NoticeKind = 'failure' | 'delay';

export function noticeKindOf(fate: RecipientFate): NoticeKind | null {
  if (fate === 'hard-bounce' || fate === 'soft-bounce') return 'failure';
  return fate === 'delay' ? 'delay' : null;
}
