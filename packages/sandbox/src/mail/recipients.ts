/**
 * Deterministic recipient rules: the domain decides what happens to a message, so demos and tests
 * can provoke every kind of notice and answer without a real remote server.
 */
export type RecipientFate =
  | 'deliver'
  | 'hard-bounce'
  | 'soft-bounce'
  | 'delay'
  | 'reply'
  | 'auto-reply'
  | 'complaint'
  | 'unsubscribe';

const RULES: Record<string, RecipientFate> = {
  'bounce.test': 'hard-bounce',
  'full.test': 'soft-bounce',
  'delay.test': 'delay',
  'reply.test': 'reply',
  'ooo.test': 'auto-reply',
  'complain.test': 'complaint',
  'unsubscribe.test': 'unsubscribe',
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

/**
 * What the recipient (a person or their mail client) does after the message was delivered to
 * them: answers, answers automatically, reports it as spam, or presses "Unsubscribe".
 */
export type Response = 'reply' | 'auto-reply' | 'complaint' | 'unsubscribe';

export function responseOf(fate: RecipientFate): Response | null {
  return fate === 'reply' || fate === 'auto-reply' || fate === 'complaint' || fate === 'unsubscribe'
    ? fate
    : null;
}
