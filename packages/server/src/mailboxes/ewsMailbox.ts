import {
  type InboxPage,
  MailboxAuthError,
  type MailboxPort,
  type OutgoingMessage,
  type SubmitResult,
} from '@sendwell/core';
import { attrOf, callEws, child, type EwsAnswer, type XmlNode } from './ewsSoap';
import { SENDWELL_HEADER } from './sentFolder';

/**
 * The rep's Exchange Server password, from the vault. `forceRefresh` after a 401: read it again (the
 * rep may just have reconnected with a new one) instead of trusting a cached copy.
 */
export type PasswordSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

export interface EwsMailboxOptions {
  /** e.g. https://mail.example.com/EWS/Exchange.asmx (or the sandbox's). */
  ewsUrl: string;
  address: string;
  /** `DOMAIN\user` or the UPN, as the rep signs in to Outlook on the web. */
  username: string;
  password: PasswordSource;
  fetch?: typeof fetch;
}

/** Sendwell cannot read an on-premises inbox, so it cannot find bounces there (the UI says so). */
export class BounceTrackingUnsupportedError extends Error {
  readonly reason = 'bounce-tracking-unsupported' as const;
  constructor() {
    super('Bounce tracking is not available for Exchange Server on-premises mailboxes.');
    this.name = 'BounceTrackingUnsupportedError';
  }
}

/**
 * Our header as a named property in PS_INTERNET_HEADERS: Exchange sends it as the `x-sendwell-id`
 * header (what GraphMailbox's internetMessageHeaders become) and can restrict FindItem on it.
 */
const SENDWELL_PROPERTY = {
  '@_DistinguishedPropertySetId': 'InternetHeaders',
  '@_PropertyName': SENDWELL_HEADER,
  '@_PropertyType': 'String',
};
const sentItemsFolder = { 't:DistinguishedFolderId': { '@_Id': 'sentitems' } };
const mailboxes = (list: string[] | undefined) =>
  list?.length ? { 't:Mailbox': list.map((address) => ({ 't:EmailAddress': address })) } : undefined;

/** Transient codes: the same request may work later. Anything else is about the message itself. */
const TRANSIENT = new Set([
  'ErrorInternalServerError',
  'ErrorInternalServerTransientError',
  'ErrorMailboxStoreUnavailable',
  'ErrorConnectionFailed',
  'ErrorTimeoutExpired',
  'ErrorMailboxMoveInProgress',
]);
const backOffSeconds = (ms: number | null) => Math.max(1, Math.ceil((ms ?? 60_000) / 1000));

/** Exchange Server 2016/2019 through EWS: CreateItem SendAndSaveCopy, FindItem in Sent Items. */
export class EwsMailbox implements MailboxPort {
  readonly provider = 'exchange-server' as const;
  readonly address: string;
  readonly #options: EwsMailboxOptions;

  constructor(options: EwsMailboxOptions) {
    this.#options = options;
    this.address = options.address;
  }

  /** One call; a 401 reads the password again and retries once, a second 401 loses the connection. */
  async #call(operation: XmlNode): Promise<Exclude<EwsAnswer, { kind: 'unauthorized' }>> {
    for (const forceRefresh of [false, true]) {
      const password = await this.#options.password(forceRefresh ? { forceRefresh } : undefined);
      const answer = await callEws({
        url: this.#options.ewsUrl,
        credentials: { username: this.#options.username, password },
        operation,
        fetch: this.#options.fetch,
      });
      if (answer.kind !== 'unauthorized') return answer;
    }
    throw new MailboxAuthError(
      'password-rejected',
      `Exchange Server refused the username and password saved for ${this.address}.`,
    );
  }

  async send(message: OutgoingMessage): Promise<SubmitResult> {
    const answer = await this.#call({
      'm:CreateItem': {
        '@_MessageDisposition': 'SendAndSaveCopy',
        'm:SavedItemFolderId': sentItemsFolder,
        'm:Items': {
          // Element order is types.xsd's: ItemType's Subject, Body, ExtendedProperty, then MessageType's recipients.
          't:Message': {
            't:Subject': message.subject,
            't:Body': { '@_BodyType': 'HTML', '#text': message.html },
            't:ExtendedProperty': { 't:ExtendedFieldURI': SENDWELL_PROPERTY, 't:Value': message.sendwellId },
            't:ToRecipients': mailboxes(message.to),
            't:CcRecipients': mailboxes(message.cc),
            't:BccRecipients': mailboxes(message.bcc),
          },
        },
      },
    });
    return submitResult(answer);
  }

  /** Whether Sent Items holds a message with our id (reconcile before retrying a send). */
  async findSent(sendwellId: string): Promise<boolean> {
    const answer = await this.#call({
      'm:FindItem': {
        '@_Traversal': 'Shallow',
        'm:ItemShape': { 't:BaseShape': 'IdOnly' },
        'm:IndexedPageItemView': { '@_MaxEntriesReturned': '1', '@_Offset': '0', '@_BasePoint': 'Beginning' },
        'm:Restriction': {
          't:IsEqualTo': {
            't:ExtendedFieldURI': SENDWELL_PROPERTY,
            't:FieldURIOrConstant': { 't:Constant': { '@_Value': sendwellId } },
          },
        },
        'm:ParentFolderIds': sentItemsFolder,
      },
    });
    const result = answer.kind === 'answer' ? answer.messages[0] : undefined;
    if (!result?.ok) throw new Error(`EWS Sent Items lookup failed: ${describe(answer)}`);
    return Number(attrOf(child(result.node, 'RootFolder'), 'TotalItemsInView') ?? 0) > 0;
  }

  /** No inbox scanning on-premises: nothing new, ever (the scanner skips these mailboxes anyway). */
  async listInboxChanges(cursor: string | null): Promise<InboxPage> {
    return { entries: [], cursor: cursor ?? 'exchange-server' };
  }

  async getRawMessage(): Promise<Uint8Array> {
    throw new BounceTrackingUnsupportedError();
  }
}

function submitResult(answer: Exclude<EwsAnswer, { kind: 'unauthorized' }>): SubmitResult {
  const detail = describe(answer);
  if (answer.kind === 'not-soap') return { status: 'failed', retryable: answer.status >= 500, detail };
  const problem = answer.kind === 'fault' ? answer : answer.messages.find((m) => !m.ok);
  if (!problem) {
    // A CreateItem answer without its response message cannot be read as "sent"; reconcile decides.
    if (answer.kind === 'answer' && answer.messages.length === 0)
      return { status: 'failed', retryable: true, detail };
    return { status: 'submitted' };
  }
  if (problem.code === 'ErrorServerBusy')
    return { status: 'throttled', retryAfterSeconds: backOffSeconds(problem.backOffMs), detail };
  return { status: 'failed', retryable: TRANSIENT.has(problem.code), detail };
}

function describe(answer: Exclude<EwsAnswer, { kind: 'unauthorized' }>): string {
  if (answer.kind === 'not-soap') return `EWS answered HTTP ${answer.status} without a SOAP envelope`;
  if (answer.kind === 'fault') return `EWS fault ${answer.code}: ${answer.text}`;
  const failed = answer.messages.find((m) => !m.ok);
  if (failed) return `EWS ${failed.code}: ${failed.text}`;
  return answer.messages.length ? 'EWS NoError' : 'EWS answered without a response message';
}
