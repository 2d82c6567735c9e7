/**
 * The subset of the office.js `Office` global the pane uses, spelled structurally so the sandbox's
 * fake (provided by the parent page) and the real CDN office.js both fit it.
 */
export interface OfficeAsyncError {
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

export interface OfficeRecipients {
  getAsync(callback: OfficeCallback<OfficeEmailAddressDetails[]>): void;
}

export interface OfficeSubject {
  getAsync(callback: OfficeCallback<string>): void;
  setAsync(subject: string, callback: OfficeCallback<void>): void;
}

export interface OfficeBody {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
  setSelectedDataAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

export interface OfficeComposeMessage {
  to: OfficeRecipients;
  cc: OfficeRecipients;
  bcc: OfficeRecipients;
  subject: OfficeSubject;
  body: OfficeBody;
}

export interface OfficeUserProfile {
  emailAddress: string;
  displayName: string;
  accountType?: string;
}

export interface OfficeApi {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context: {
    mailbox?: {
      item?: OfficeComposeMessage | null;
      userProfile: OfficeUserProfile;
    };
  };
  CoercionType: { Html: string; Text: string };
  AsyncResultStatus: { Succeeded: string | number; Failed: string | number };
}
