/**
 * The subset of the office.js `Office` global the pane uses, spelled structurally so the sandbox's
 * fake (provided by the parent page) and the real CDN office.js both fit it.
 */
interface OfficeAsyncError {
  name?: string;
  message: string;
  code?: number;
}

export interface OfficeAsyncResult<T> {
  status: string | number;
  value: T;
  error?: OfficeAsyncError | null;
}

export type OfficeCallback<T> = (result: OfficeAsyncResult<T>) => void;

export interface OfficeEmailAddressDetails {
  emailAddress: string;
  displayName: string;
  recipientType?: string;
}

interface OfficeRecipients {
  getAsync(callback: OfficeCallback<OfficeEmailAddressDetails[]>): void;
}

interface OfficeSubject {
  getAsync(callback: OfficeCallback<string>): void;
  setAsync(subject: string, callback: OfficeCallback<void>): void;
}

interface OfficeBody {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
  setSelectedDataAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

/** `item.sessionData` (Mailbox 1.11, compose): string values kept with this draft for this add-in. */
interface OfficeSessionData {
  getAsync(name: string, callback: OfficeCallback<string>): void;
  setAsync(name: string, value: string, callback: OfficeCallback<void>): void;
}

export interface OfficeComposeMessage {
  to: OfficeRecipients;
  cc: OfficeRecipients;
  bcc: OfficeRecipients;
  subject: OfficeSubject;
  body: OfficeBody;
  /** Mailbox 1.11; absent in older clients. */
  sessionData?: OfficeSessionData;
  /** Mailbox 1.3, compose: closes the draft (Outlook asks to save or discard unsaved changes). */
  close?(): void;
}

export interface OfficeUserProfile {
  emailAddress: string;
  displayName: string;
  accountType?: string;
}

/** What a dialog sends its opener: a message (`messageParent`) or an event (closed, failed to load). */
export interface OfficeDialogArgs {
  message?: string | boolean;
  origin?: string;
  /** 12002 page not found, 12003 not HTTPS, 12006 closed by the user (DialogEventReceived). */
  error?: number;
}

/** A member of `Office.EventType` (an enum in office.js; only ever passed back to office.js). */
type OfficeEventType = unknown;

/** `Office.context.ui.displayDialogAsync`'s dialog (Dialog API 1.1). */
export interface OfficeDialog {
  addEventHandler(eventType: OfficeEventType, handler: (args: OfficeDialogArgs) => void): void;
  close(): void;
  /** Dialog API 1.2: the add-in messages the page in the dialog. */
  messageChild?(message: string): void;
}

/** `Office.context.ui` (Dialog API 1.1): the add-in opens a dialog; a page in a dialog messages its opener. */
interface OfficeUi {
  displayDialogAsync(
    startAddress: string,
    options: { height?: number; width?: number; promptBeforeOpen?: boolean },
    callback: OfficeCallback<OfficeDialog>,
  ): void;
  messageParent(message: string): void;
}

export interface OfficeApi {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  /** `Office.EventType`: the dialog events the pane listens to. */
  EventType?: { DialogMessageReceived: OfficeEventType; DialogEventReceived: OfficeEventType };
  context: {
    ui?: OfficeUi;
    /** The Office UI language, e.g. "en-US", "zh-CN". */
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    mailbox?: {
      item?: OfficeComposeMessage | null;
      userProfile: OfficeUserProfile;
    };
  };
  CoercionType: { Html: string; Text: string };
  AsyncResultStatus: { Succeeded: string | number; Failed: string | number };
}
