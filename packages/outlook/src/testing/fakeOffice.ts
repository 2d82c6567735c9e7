import type {
  OfficeApi,
  OfficeAsyncResult,
  OfficeCallback,
  OfficeComposeMessage,
  OfficeEmailAddressDetails,
} from '../office/officeApi';

const OK = 'succeeded';
const FAILED = 'failed';

/** An office.js-shaped compose window kept in memory (the same shapes the sandbox host page fakes). */
export class FakeOffice implements OfficeApi {
  to: OfficeEmailAddressDetails[] = [];
  cc: OfficeEmailAddressDetails[] = [];
  bcc: OfficeEmailAddressDetails[] = [];
  subject = '';
  body = '';
  /** `item.sessionData`, kept by the host for this draft (survives the pane closing). */
  readonly sessionData = new Map<string, string>();
  /** The highest Mailbox requirement set this fake client supports. */
  mailboxVersion = 1.15;
  closed = false;
  readonly calls: { method: string; coercionType?: string }[] = [];
  /** Make the next call to this method fail with this office.js error name. */
  failNext: { method: string; name: string; message: string } | null = null;

  CoercionType = { Html: 'html', Text: 'text' };
  AsyncResultStatus = { Succeeded: OK, Failed: FAILED };
  userProfile = {
    emailAddress: 'rep@contoso.test',
    displayName: 'Rae Rep',
    accountType: 'office365' as string | undefined,
  };
  context: OfficeApi['context'];

  constructor(options: { withItem?: boolean } = {}) {
    const item = options.withItem === false ? null : this.item();
    this.context = {
      displayLanguage: 'en-US',
      requirements: {
        isSetSupported: (name, minVersion = '1.1') =>
          name === 'Mailbox' && Number(minVersion) <= this.mailboxVersion,
      },
      mailbox: { item, userProfile: this.userProfile },
    };
  }

  async onReady() {
    return { host: 'Outlook', platform: 'OfficeOnline' };
  }

  private answer<T>(method: string, callback: OfficeCallback<T>, value: T, coercionType?: string) {
    this.calls.push({ method, coercionType });
    const failure = this.failNext?.method === method ? this.failNext : null;
    if (failure) this.failNext = null;
    const result: OfficeAsyncResult<T> = failure
      ? { status: FAILED, value: undefined as T, error: { name: failure.name, message: failure.message } }
      : { status: OK, value, error: null };
    queueMicrotask(() => callback(result));
  }

  private item(): OfficeComposeMessage {
    const recipients = (field: 'to' | 'cc' | 'bcc') => ({
      getAsync: (cb: OfficeCallback<OfficeEmailAddressDetails[]>) =>
        this.answer(`${field}.getAsync`, cb, [...this[field]]),
    });
    return {
      to: recipients('to'),
      cc: recipients('cc'),
      bcc: recipients('bcc'),
      subject: {
        getAsync: (cb) => this.answer('subject.getAsync', cb, this.subject),
        setAsync: (subject, cb) => {
          if (this.failNext?.method !== 'subject.setAsync') this.subject = subject;
          this.answer('subject.setAsync', cb, undefined);
        },
      },
      sessionData: {
        getAsync: (name, cb) => this.answer('sessionData.getAsync', cb, this.sessionData.get(name) ?? ''),
        setAsync: (name, value, cb) => {
          if (this.failNext?.method !== 'sessionData.setAsync') this.sessionData.set(name, value);
          this.answer('sessionData.setAsync', cb, undefined);
        },
      },
      close: () => {
        this.calls.push({ method: 'close' });
        this.closed = true;
      },
      body: {
        getAsync: (coercionType, cb) => this.answer('body.getAsync', cb, this.body, coercionType),
        setAsync: (data, options, cb) => {
          this.body = data;
          this.answer('body.setAsync', cb, undefined, options.coercionType);
        },
        setSelectedDataAsync: (data, options, cb) => {
          this.body += data;
          this.answer('body.setSelectedDataAsync', cb, undefined, options.coercionType);
        },
      },
    };
  }
}
