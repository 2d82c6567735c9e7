import type { BounceReason } from '../types';
import type { ReasonFacts } from './classify';
import { MAILBOX_FULL, SUSPEND } from './phrases/recipient';
import { MESG_TOO_BIG } from './phrases/system';
import { includesAny, type Phrase } from './phrases/types';
import { withoutExpiry } from './timing';

/**
 * States of the recipient's own mailbox that outrank what else a notice says: the ones a give-up
 * after the retry period keeps (README rule 1.1), the ones a reporting MTA's Status comment states,
 * and the shape of a reply that says whether the address itself was looked up.
 */

/** `550 : User unknown`, `550: : User unknown`: the reply's address slot is empty. */
export const BLANK_ADDRESS_REFUSAL = /\b5\d\d:? : (user unknown|unknown user|no such user)\b/;

/** `<address>: User unknown`: the server answering for the address it was given at RCPT TO. */
export const NAMES_THE_UNKNOWN_ADDRESS =
  /<[^\s<>@]+@[^\s<>]+>: (user unknown|unknown user|no such user|user not found|unknown recipient|recipient unknown)\b/;

/**
 * Rule 1.1's exception: the retries did not change a state of the recipient's own that the last answer
 * named (a full mailbox, an unknown or disabled account, a message too big for it), so that state is
 * the reason ("mailbox is full: retry timeout exceeded" is `mailboxfull`). A block, a rate limit, a
 * network or system error given up on is `expired`.
 */
const KEPT_THROUGH_RETRIES: ReadonlySet<BounceReason> = new Set([
  'mailboxfull',
  'userunknown',
  'suspend',
  'mesgtoobig',
]);

const COMMENT_STATES: [BounceReason, Phrase[]][] = [
  ['suspend', SUSPEND],
  ['mailboxfull', MAILBOX_FULL],
  ['mesgtoobig', MESG_TOO_BIG],
];

export function stateInComment(comment: string | null | undefined): BounceReason | null {
  const text = comment?.toLowerCase();
  return text ? (COMMENT_STATES.find(([, list]) => includesAny(text, list))?.[0] ?? null) : null;
}

export function stateKeptThroughRetries(
  facts: ReasonFacts,
  text: string,
  classifyReason: (facts: ReasonFacts) => BounceReason,
): BounceReason {
  const lastAnswer = withoutExpiry(text);
  if (!/[a-z]{3}/.test(lastAnswer)) return 'expired';
  // The last answer read on its own: no give-up words, no template of the notice, no decoder verdict.
  const reason = classifyReason({
    ...facts,
    action: null,
    diagnostic: lastAnswer,
    context: null,
    decoderReason: null,
  });
  return KEPT_THROUGH_RETRIES.has(reason) ? reason : 'expired';
}
