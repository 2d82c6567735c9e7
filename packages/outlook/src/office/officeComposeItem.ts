import type {
  OfficeApi,
  OfficeAsyncResult,
  OfficeCallback,
  OfficeComposeMessage,
  OfficeEmailAddressDetails,
  OfficeUserProfile,
} from './officeApi';
import {
  type AccountType,
  type ComposeItem,
  type DraftMemory,
  type DraftRecipient,
  OfficeCallError,
} from './types';

export type TokenProvider = () => Promise<string>;

const ACCOUNT_TYPES: readonly AccountType[] = ['office365', 'outlookCom', 'enterprise', 'gmail'];

function accountTypeOf(profile: OfficeUserProfile): AccountType {
  const reported = profile.accountType as AccountType | undefined;
  return reported && ACCOUNT_TYPES.includes(reported) ? reported : 'unknown';
}

/** Turn an office.js callback API into a promise, failing with the host's own error name. */
function call<T>(
  office: OfficeApi,
  operation: string,
  start: (callback: OfficeCallback<T>) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result: OfficeAsyncResult<T>) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
      else {
        const error = result.error;
        reject(
          new OfficeCallError(
            operation,
            error?.name ?? 'Unknown',
            error?.message ?? 'no detail from Outlook',
          ),
        );
      }
    });
  });
}

/** Outlook echoes the address as the display name when it knows no name; that is not a name to merge. */
function toRecipient(details: OfficeEmailAddressDetails): DraftRecipient {
  const name = details.displayName?.trim();
  const known = name && name.toLowerCase() !== details.emailAddress.toLowerCase();
  return known ? { email: details.emailAddress, displayName: name } : { email: details.emailAddress };
}

/** The one session-data key the pane uses; its value is JSON the model reads (`model/draftState.ts`). */
export const DRAFT_MEMORY_KEY = 'sendwell.draft';

/** Lasts as long as the pane: for clients without sessionData (Mailbox < 1.11). */
function paneMemory(): DraftMemory {
  let value: string | null = null;
  return {
    persistent: false,
    read: async () => value,
    write: async (next) => {
      value = next;
    },
  };
}

/**
 * `item.sessionData` when the client has it. Outlook does not document what `getAsync` answers for a
 * key never set, so a failure and an empty value both read as "nothing remembered".
 */
function draftMemory(office: OfficeApi, item: OfficeComposeMessage): DraftMemory {
  const sessionData = item.sessionData;
  const supported = office.context.requirements?.isSetSupported('Mailbox', '1.11') ?? false;
  if (!supported || !sessionData) return paneMemory();
  return {
    persistent: true,
    read: () =>
      call<string>(office, 'sessionData.getAsync', (cb) => sessionData.getAsync(DRAFT_MEMORY_KEY, cb)).then(
        (value) => (typeof value === 'string' && value ? value : null),
        () => null,
      ),
    write: (value) =>
      call<void>(office, 'sessionData.setAsync', (cb) => sessionData.setAsync(DRAFT_MEMORY_KEY, value, cb)),
  };
}

export function officeComposeItem(office: OfficeApi, getAccessToken: TokenProvider): ComposeItem | null {
  const mailbox = office.context.mailbox;
  const item = mailbox?.item;
  if (!mailbox || !item) return null;
  const html = { coercionType: office.CoercionType.Html };
  const recipients = (field: 'to' | 'cc' | 'bcc', message: OfficeComposeMessage) =>
    call<OfficeEmailAddressDetails[]>(office, `${field}.getAsync`, (cb) => message[field].getAsync(cb)).then(
      (list) => list.map(toRecipient),
    );
  return {
    accountType: accountTypeOf(mailbox.userProfile),
    userEmail: mailbox.userProfile.emailAddress,
    userName: mailbox.userProfile.displayName,
    displayLanguage: office.context.displayLanguage || 'en-US',
    memory: draftMemory(office, item),
    close: typeof item.close === 'function' ? () => item.close?.() : null,
    async getRecipients() {
      const [to, cc, bcc] = await Promise.all([
        recipients('to', item),
        recipients('cc', item),
        recipients('bcc', item),
      ]);
      return { to, cc, bcc };
    },
    getSubject: () => call<string>(office, 'subject.getAsync', (cb) => item.subject.getAsync(cb)),
    setSubject: (subject) =>
      call<void>(office, 'subject.setAsync', (cb) => item.subject.setAsync(subject, cb)),
    getBody: () =>
      call<string>(office, 'body.getAsync', (cb) => item.body.getAsync(office.CoercionType.Html, cb)),
    insertHtml: (data) =>
      call<void>(office, 'body.setSelectedDataAsync', (cb) => item.body.setSelectedDataAsync(data, html, cb)),
    setBody: (data) => call<void>(office, 'body.setAsync', (cb) => item.body.setAsync(data, html, cb)),
    getAccessToken,
  };
}
