import { type AddressAt, addressesIn, isAddressLine } from './addresses';
import { fold } from './fold';
import { failureNear, type LineFacts, LONG_LINE, nonBlankNear, readLines } from './lines';
import { PHRASES } from './phrases';

/** How a failed recipient was found in the prose. */
type Found = 'label' | 'introducer' | 'phrase';

interface ProseRecipient {
  address: string;
  /** Index of the line that names it. */
  line: number;
  how: Found;
}

export interface ProseFindings {
  lines: LineFacts[];
  /** Addresses next to failure words, after a recipient label or in a list after an introducer. */
  recipients: ProseRecipient[];
  /** Addresses on `To:`/`An:`/`Para:` lines (the returned original's To pasted in the text). */
  toAddresses: string[];
}

/** Addresses read per notice at most: a hostile notice may list a megabyte of them. */
const MAX_FOUND = 200;
/** Lines after an introducer (or after the list's last address) that may still belong to its list. */
const INTRODUCER_REACH = 40;
/** Text right before an address that makes it a Message-ID, not a mailbox. */
const MESSAGE_ID_BEFORE = /(?:message-?id|msg-?id|mts-id|in-reply-to|references|\bid)\s*[:=]?\s*<?$/i;

/** Where each failed recipient is named in the prose of a notice. */
export function findInProse(prose: string): ProseFindings {
  const lines = readLines(prose);
  const recipients: ProseRecipient[] = [];
  const toAddresses: string[] = [];
  const list = new IntroducerList();
  for (let i = 0; i < lines.length && recipients.length < MAX_FOUND; i++) {
    const facts = lines[i] as LineFacts;
    const addresses = facts.blank ? [] : usable(lines, i, addressesIn(facts.text));
    list.step(i, facts, addresses.length > 0);
    if (facts.senderLabel) continue;
    for (const at of addresses) {
      if (facts.toLabel) toAddresses.push(at.address);
      else {
        const how = foundBy(lines, i, at, list);
        if (how && !recipients.some((r) => r.address === at.address))
          recipients.push({ address: at.address, line: i, how });
      }
    }
  }
  return { lines, recipients, toAddresses };
}

/** Addresses that are not a Message-ID and not a help address ("please contact helpdesk@..."). */
function usable(lines: readonly LineFacts[], i: number, addresses: AddressAt[]): AddressAt[] {
  const text = (lines[i] as LineFacts).text;
  const previous = i > 0 ? (lines[i - 1] as LineFacts).text.slice(-80) : '';
  return addresses.filter((at) => {
    const before = text.slice(Math.max(0, at.index - 80), at.index);
    if (MESSAGE_ID_BEFORE.test(before.slice(-30))) return false;
    return !PHRASES.contact.test(fold(at.index < 80 ? `${previous} ${before}` : before));
  });
}

function foundBy(lines: readonly LineFacts[], i: number, at: AddressAt, list: IntroducerList): Found | null {
  const facts = lines[i] as LineFacts;
  const alone = isAddressLine(facts.text, at);
  if (facts.recipientLabel) return 'label';
  if (alone && nonBlankNear(lines, i, -1)?.recipientLabel) return 'label';
  if (list.covers(i)) return 'introducer';
  if (facts.text.length > LONG_LINE ? failureNear(facts.text, at.index) : facts.failure) return 'phrase';
  if (alone && (nonBlankNear(lines, i, -1)?.failure || nonBlankNear(lines, i, 1)?.failure)) return 'phrase';
  return null;
}

/**
 * The list after "the following recipients": it runs over the following lines, across blank lines
 * while the next paragraph still starts with an address, and ends at the first paragraph without one.
 */
class IntroducerList {
  private start = -1;
  /** The introducer's line, then each line of the list that names an address. */
  private last = -1;
  private found = false;
  private afterBlank = false;

  step(i: number, facts: LineFacts, hasAddress: boolean): void {
    if (this.start >= 0 && i - this.last > INTRODUCER_REACH) this.start = -1;
    if (hasAddress) this.last = i;
    if (facts.introducer) {
      this.start = this.last = i;
      this.found = hasAddress;
      this.afterBlank = false;
      return;
    }
    if (this.start < 0) return;
    if (facts.blank) {
      this.afterBlank = this.found;
      return;
    }
    if (this.afterBlank && !hasAddress) this.start = -1;
    this.afterBlank = false;
    this.found ||= hasAddress;
  }

  covers(i: number): boolean {
    return this.start >= 0 && i > this.start;
  }
}
