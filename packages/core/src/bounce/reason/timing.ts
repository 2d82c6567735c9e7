import type { BounceReason, DeliveryAction } from '../types';
import { noticeSaysGaveUp, noticeStatesExpiry } from './notice-words';
import {
  EXPIRY_STATED,
  GAVE_UP,
  HOST_UNKNOWN,
  NETWORK_ERROR,
  NO_ANSWER,
  TRANSPORT_FAILURE,
} from './phrases/system';
import { includesAny, type Phrase } from './phrases/types';

/**
 * Reason precedence, rule 1 (README): time decides first. A delay says why; a failure given up on after
 * the retry period is `expired` when the MTA says so or its last error was a host that never answered.
 */
export interface TimingFacts {
  text: string;
  action: DeliveryAction | null;
  status: string | null;
  replyCode?: string | null;
  context?: string | null;
}

const says = (f: TimingFacts, list: Phrase[]) => includesAny(f.text, list);

/** The diagnostic, or the notice's own words about it, say the retry period ran out. */
export function statesExpiry(text: string, context: string | null | undefined): boolean {
  return includesAny(text, EXPIRY_STATED) || noticeStatesExpiry(context);
}

/** The diagnostic without the MTA's own expiry sentence: what the last attempt was answered. */
export function withoutExpiry(text: string): string {
  return EXPIRY_STATED.reduce<string>((rest, phrase) => rest.replace(phrase, ' '), text).trim();
}

/**
 * Delays and give-ups whose cause is the transport: still trying because the host could not be reached
 * (connection refused or timed out, no route, DNS "try again") is `networkerror`; a failure after the
 * retry period (a failed action with a 4.x.x status, or "retry timeout exceeded"/"expired" wording)
 * whose last error was such a cause, or none, is `expired`. A remote answer that names another reason
 * ("mailbox is full: retry timeout exceeded", "421 ... blocked") is left to the probes.
 */
export function transportOrTimeout(f: TimingFacts): BounceReason | null {
  if (f.action === 'delayed') {
    if (says(f, TRANSPORT_FAILURE)) return 'networkerror';
    // Still trying because the name does not resolve (OpenSMTPD "Host not found"): the cause is said.
    return says(f, HOST_UNKNOWN) && !says(f, NETWORK_ERROR) ? 'hostunknown' : null;
  }
  if (f.action !== 'failed' || !says(f, NO_ANSWER)) return null;
  // A failure whose only error is the MTA's own "Connection refused" (no server ever answered, so no
  // SMTP reply) was given up on after retrying, whatever class its Status has (Courier: 5.0.0).
  return gaveUp(f) || !f.replyCode ? 'expired' : null;
}

function gaveUp(f: TimingFacts): boolean {
  if (f.action !== 'failed' || f.status?.startsWith('5')) return false;
  return !!f.status?.startsWith('4') || says(f, GAVE_UP);
}

/**
 * Given up, and nothing more specific was found: the text or the notice's own words say so ("retry
 * timeout exceeded", "message expired"), or the text says nothing at all.
 */
export function gaveUpSaying(f: TimingFacts): boolean {
  if (!gaveUp(f)) return false;
  return says(f, GAVE_UP) || noticeSaysGaveUp(f.context) || !/[a-z]{3}/.test(f.text);
}
