import type { NoticeKind } from '../mail/recipients';
import type { Header } from '../mime/headers';

export interface NoticeRecipient {
  address: string;
  fate: 'hard-bounce' | 'soft-bounce' | 'delay' | 'sending-limit';
}

/** What a notice builder needs: who sent what, to whom it failed, and when. */
export interface NoticeInput {
  kind: NoticeKind;
  /** The sender's address; the notice goes back to them. */
  sender: string;
  /** Headers of the original as it left the mailbox (without Bcc). */
  originalHeaders: Header[];
  originalSubject: string;
  /** With angle brackets. */
  originalMessageId: string;
  sentAt: Date;
  recipients: NoticeRecipient[];
  /** When the notice is generated. */
  at: Date;
  /** Unique seed for the notice's own Message-ID and boundaries (hex). */
  seed: string;
}

export function originalHeaderBlock(headers: Header[]): string {
  return headers
    .filter((h) => h.name.toLowerCase() !== 'bcc')
    .map((h) => `${h.name}: ${h.value}`)
    .join('\n');
}

export function localPart(address: string): string {
  return address.split('@')[0] ?? address;
}

export function domainOf(address: string): string {
  return address.split('@')[1] ?? '';
}
