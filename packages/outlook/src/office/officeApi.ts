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

export interface OfficeApi {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context: {
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
