/**
 * The pane's view of the open compose item. Everything outside `src/office/` talks to this port,
 * never to office.js, so components are tested with a plain fake.
 */
export interface DraftRecipient {
  email: string;
  /** Undefined when the host only knows the address (Outlook then echoes the address as the name). */
  displayName?: string;
}

export interface DraftRecipients {
  to: DraftRecipient[];
  cc: DraftRecipient[];
  bcc: DraftRecipient[];
}

/** `Office.context.mailbox.userProfile.accountType`; `unknown` when the client does not report it. */
export type AccountType = 'office365' | 'outlookCom' | 'enterprise' | 'gmail' | 'unknown';

/**
 * A small string remembered with this draft (Office `item.sessionData`), so a reopened pane knows what
 * it did to the draft: the draft's idempotency key, the merge stamp, whether it was sent.
 */
export interface DraftMemory {
  /** False where the host keeps nothing for the draft: the memory then lasts as long as the pane. */
  readonly persistent: boolean;
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
}

export interface ComposeItem {
  readonly accountType: AccountType;
  readonly userEmail: string;
  readonly userName: string;
  /** Office's display language (BCP 47, e.g. "en-US"); the pane's words follow it. */
  readonly displayLanguage: string;
  readonly memory: DraftMemory;
  /** Closes the draft's compose window (Outlook asks about unsaved changes); null where unsupported. */
  readonly close: (() => void) | null;
  getRecipients(): Promise<DraftRecipients>;
  getSubject(): Promise<string>;
  setSubject(subject: string): Promise<void>;
  /** The draft body as HTML. */
  getBody(): Promise<string>;
  /** Insert HTML at the cursor (replaces the selection, if any). */
  insertHtml(html: string): Promise<void>;
  /** Replace the whole body with HTML. */
  setBody(html: string): Promise<void>;
  /** A bearer token for the Sendwell API: MSAL nested app auth (or the dialog fallback) for the API scope `/api/v1/auth-config` names. */
  getAccessToken(): Promise<string>;
}

/** A failed office.js call, carrying the host's error name (e.g. `DataExceedsMaximumSize`). */
export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly officeErrorName: string,
    message: string,
  ) {
    super(`${operation} failed: ${message}`);
    this.name = 'OfficeCallError';
  }
}
