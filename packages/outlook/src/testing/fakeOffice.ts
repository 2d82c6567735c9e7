import type {
  OfficeApi,
  OfficeAsyncResult,
  OfficeCallback,
  OfficeComposeMessage,
  OfficeDialogArgs,
  OfficeEmailAddressDetails,
} from '../office/officeApi';

const OK = 'succeeded';
const FAILED = 'failed';

const DIALOG_MESSAGE = 'dialogMessageReceived';
const DIALOG_EVENT = 'dialogEventReceived';

/** A dialog the pane opened with `displayDialogAsync`; the test plays the page in it and the rep. */
export class FakeDialog {
  private readonly handlers = new Map<unknown, ((args: OfficeDialogArgs) => void)[]>();
  closed = false;
  /** What the add-in sent the page in the dialog (`messageChild`, Dialog API 1.2). */
  readonly toChild: string[] = [];
  constructor(readonly url: string) {}
  messageChild(message: string) {
    this.toChild.push(message);
  }
  addEventHandler(type: unknown, handler: (args: OfficeDialogArgs) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  close() {
    this.closed = true;
  }
  /** The page in the dialog called `Office.context.ui.messageParent(message)`. */
  messageParent(message: string) {
    for (const handler of this.handlers.get(DIALOG_MESSAGE) ?? [])
      handler({ message, origin: 'https://sendwell.test' });
  }
  /** The rep closed the dialog window (Office reports error 12006). */
  closeByUser() {
    this.closed = true;
    for (const handler of this.handlers.get(DIALOG_EVENT) ?? []) handler({ error: 12006 });
  }
}

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
  failNext: { method: string; name: string; message: string; code?: number } | null = null;

  /** The highest Dialog API requirement set (1.2 brings `messageChild`). */
  dialogApiVersion = 1.2;
  /** Whether this client supports NestedAppAuth 1.1 (Outlook.com and older clients do not). */
  nestedAppAuth = true;
  /** Dialogs opened with `context.ui.displayDialogAsync`, in order. */
  readonly dialogs: FakeDialog[] = [];
  EventType = { DialogMessageReceived: DIALOG_MESSAGE, DialogEventReceived: DIALOG_EVENT };
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
          (name === 'Mailbox' && Number(minVersion) <= this.mailboxVersion) ||
          (name === 'NestedAppAuth' && this.nestedAppAuth && Number(minVersion) <= 1.1) ||
          (name === 'DialogApi' && Number(minVersion) <= this.dialogApiVersion),
      },
      mailbox: { item, userProfile: this.userProfile },
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          const dialog = new FakeDialog(url);
          this.dialogs.push(dialog);
          this.answer('ui.displayDialogAsync', callback, dialog);
        },
        messageParent: () => {},
      },
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
      ? {
          status: FAILED,
          value: undefined as T,
          error: { name: failure.name, message: failure.message, code: failure.code },
        }
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
