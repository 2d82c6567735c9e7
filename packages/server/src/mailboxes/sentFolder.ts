/** One message in a mailbox's Sent folder, as the budget scan needs it. */
export interface SentItem {
  providerMessageId: string;
  sentAt: Date;
  /** To + Cc + Bcc, lower-cased. */
  recipients: string[];
  /** Our X-Sendwell-Id header when the message went out through Sendwell. */
  sendwellId: string | null;
  /** Without angle brackets. */
  internetMessageId: string | null;
}

export interface SentPage {
  items: SentItem[];
  /** Opaque cursor for the next incremental round (Graph deltaLink, Gmail historyId). */
  cursor: string;
}

/**
 * Incremental reads of the Sent folder, so mail the rep sends outside Sendwell (Outlook, Gmail web,
 * phones) counts against the same budget. `since` bounds the first sync (only the last 24 h matter).
 */
export interface SentFolderPort {
  listSentChanges(cursor: string | null, since: Date): Promise<SentPage>;
}

/** The header every Sendwell send carries; lower case so it matches however Exchange stores it. */
export const SENDWELL_HEADER = 'x-sendwell-id';

export const bare = (messageId: string | null | undefined): string | null =>
  messageId ? messageId.trim().replace(/^<|>$/g, '') : null;
