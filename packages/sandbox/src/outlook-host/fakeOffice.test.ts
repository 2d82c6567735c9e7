import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The office.js shapes the pane relies on (packages/outlook/src/office/officeApi.ts). */
interface AsyncResult<T> {
  status: string;
  value: T;
  error: { name: string; message: string; code: number } | null;
  asyncContext?: unknown;
}
type Cb<T> = (result: AsyncResult<T>) => void;
interface SessionData {
  getAsync(name: string, cb: Cb<string | undefined>): void;
  getAllAsync(cb: Cb<Record<string, string>>): void;
  setAsync(name: string, value: string, cb: Cb<void>): void;
  removeAsync(name: string, cb: Cb<void>): void;
}
interface FakeOffice {
  onReady(callback?: (info: unknown) => void): Promise<{ host: string; platform: string }>;
  CoercionType: { Html: string; Text: string };
  AsyncResultStatus: { Succeeded: string; Failed: string };
  EventType: { DialogMessageReceived: string; DialogEventReceived: string };
  context: {
    ui: {
      displayDialogAsync(url: string, options: object, cb: Cb<FakeDialog>): void;
      messageParent(message: string): void;
    };
    displayLanguage: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    mailbox: {
      userProfile: { emailAddress: string; displayName: string; accountType: string };
      item: {
        sessionData: SessionData;
        close(): void;
        to: {
          getAsync(cb: Cb<{ emailAddress: string; displayName: string; recipientType: string }[]>): void;
        };
        cc: { getAsync(cb: Cb<unknown[]>): void };
        subject: { getAsync(cb: Cb<string>): void; setAsync(subject: string, cb: Cb<void>): void };
        body: {
          getAsync(coercion: string, options: object, cb: Cb<string>): void;
          setAsync(data: string, options: { coercionType: string }, cb: Cb<void>): void;
          setSelectedDataAsync(
            data: string,
            options: { coercionType: string; asyncContext?: unknown },
            cb: Cb<void>,
          ): void;
        };
      };
    };
  };
}

interface FakeDialog {
  addEventHandler(
    type: string,
    handler: (args: { message?: string; origin?: string; error?: number }) => void,
  ): void;
  close(): void;
}

interface Draft {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  kinds: string[];
}

const source = readFileSync(new URL('./fakeOffice.js', import.meta.url), 'utf8');

/** Run the browser script against a plain object as `window`, with an in-memory compose window. */
interface HostExtras {
  naa?: object | null;
  dialogs?: object;
  origin?: string;
  sessionData?: Map<string, string>;
  close?: () => void;
  displayLanguage?: string;
}

function fakeOfficeOver(draft: Draft, ready: Promise<unknown> = Promise.resolve(), extras: HostExtras = {}) {
  const scope: { SendwellFakeOffice?: { createFakeOffice(host: unknown): FakeOffice } } = {};
  new Function('window', source)(scope);
  const profile = { emailAddress: 'ava@contoso.test', displayName: 'Ava Reyes', accountType: 'office365' };
  return scope.SendwellFakeOffice!.createFakeOffice({
    profile,
    ready,
    ...extras,
    isInternal: (address: string) => address.endsWith('@contoso.test'),
    fields: {
      readRecipients: (field: 'to' | 'cc' | 'bcc') => draft[field],
      readSubject: () => draft.subject,
      writeSubject: (subject: string) => {
        draft.subject = subject;
      },
      readBody: (kind: string) => (kind === 'text' ? draft.body.replace(/<[^>]+>/g, '') : draft.body),
      writeBody: (data: string, kind: string) => {
        draft.body = data;
        draft.kinds.push(kind);
      },
      insertBody: (data: string, kind: string) => {
        draft.body += data;
        draft.kinds.push(kind);
      },
    },
  });
}

const call = <T>(start: (cb: Cb<T>) => void) => new Promise<AsyncResult<T>>((resolve) => start(resolve));
const emptyDraft = (): Draft => ({ to: '', cc: '', bcc: '', subject: '', body: '', kinds: [] });

describe('fake Office for the sandbox host', () => {
  it('reads recipients as office.js EmailAddressDetails, echoing the address when there is no name', async () => {
    const draft = {
      ...emptyDraft(),
      to: 'Ada Lovelace <ada@prospect.test>; "Novak, Eli" <eli@contoso.test>, bob@prospect.test',
    };
    const office = fakeOfficeOver(draft);
    const result = await call(office.context.mailbox.item.to.getAsync);
    expect(result.status).toBe(office.AsyncResultStatus.Succeeded);
    expect(result.value).toEqual([
      { emailAddress: 'ada@prospect.test', displayName: 'Ada Lovelace', recipientType: 'externalUser' },
      { emailAddress: 'eli@contoso.test', displayName: 'Novak, Eli', recipientType: 'user' },
      { emailAddress: 'bob@prospect.test', displayName: 'bob@prospect.test', recipientType: 'externalUser' },
    ]);
    expect((await call(office.context.mailbox.item.cc.getAsync)).value).toEqual([]);
  });

  it('writes subject and HTML body the way the pane asks, passing asyncContext back', async () => {
    const draft = emptyDraft();
    const { item } = fakeOfficeOver(draft).context.mailbox;
    await call<void>((cb) => item.subject.setAsync('Hello Ada', cb));
    await call<void>((cb) => item.body.setAsync('<p>one</p>', { coercionType: 'html' }, cb));
    const inserted = await call<void>((cb) =>
      item.body.setSelectedDataAsync('<p>two</p>', { coercionType: 'html', asyncContext: 7 }, cb),
    );
    expect(inserted.asyncContext).toBe(7);
    expect(draft).toMatchObject({
      subject: 'Hello Ada',
      body: '<p>one</p><p>two</p>',
      kinds: ['html', 'html'],
    });
    expect((await call<string>((cb) => item.subject.getAsync(cb))).value).toBe('Hello Ada');
    expect((await call<string>((cb) => item.body.getAsync('html', {}, cb))).value).toBe(
      '<p>one</p><p>two</p>',
    );
  });

  it('fails an over-long subject through the callback, as office.js does', async () => {
    const draft = emptyDraft();
    const office = fakeOfficeOver(draft);
    const result = await call<void>((cb) =>
      office.context.mailbox.item.subject.setAsync('x'.repeat(256), cb),
    );
    expect(result.status).toBe(office.AsyncResultStatus.Failed);
    expect(result.error?.name).toBe('DataExceedsMaximumSize');
    expect(draft.subject).toBe('');
  });

  it('resolves onReady only once the host is ready, with the Outlook host info', async () => {
    let release!: () => void;
    const office = fakeOfficeOver(emptyDraft(), new Promise<void>((resolve) => (release = resolve)));
    const seen: string[] = [];
    const ready = office.onReady(() => seen.push('callback')).then((info) => seen.push(info.host));
    await Promise.resolve();
    expect(seen).toEqual([]);
    release();
    await ready;
    expect(seen).toEqual(['callback', 'Outlook']);
  });

  it('exposes the user profile and the requirement sets of a current Outlook on the web', () => {
    const office = fakeOfficeOver(emptyDraft());
    expect(office.context.mailbox.userProfile).toMatchObject({
      emailAddress: 'ava@contoso.test',
      accountType: 'office365',
    });
    expect(office.context.requirements.isSetSupported('Mailbox', '1.15')).toBe(true);
    expect(office.context.requirements.isSetSupported('Mailbox', '1.16')).toBe(false);
  });

  it('keeps session data with the draft, for a pane opened later over the same compose window', async () => {
    const kept = new Map<string, string>();
    const first = fakeOfficeOver(emptyDraft(), Promise.resolve(), { sessionData: kept }).context.mailbox.item;
    const never = await call<string | undefined>((cb) => first.sessionData.getAsync('sendwell.draft', cb));
    expect([never.status, never.value]).toEqual(['succeeded', undefined]);
    await call<void>((cb) => first.sessionData.setAsync('sendwell.draft', '{"k":1}', cb));
    const reopened = fakeOfficeOver(emptyDraft(), Promise.resolve(), { sessionData: kept }).context.mailbox
      .item;
    expect(
      (await call<string | undefined>((cb) => reopened.sessionData.getAsync('sendwell.draft', cb))).value,
    ).toBe('{"k":1}');
    expect((await call<Record<string, string>>((cb) => reopened.sessionData.getAllAsync(cb))).value).toEqual({
      'sendwell.draft': '{"k":1}',
    });
    await call<void>((cb) => reopened.sessionData.removeAsync('sendwell.draft', cb));
    expect(kept.size).toBe(0);
  });

  it("closes the compose window through the host, and reports the host's display language", () => {
    let closed = 0;
    const office = fakeOfficeOver(emptyDraft(), Promise.resolve(), {
      close: () => closed++,
      displayLanguage: 'zh-CN',
    });
    office.context.mailbox.item.close();
    expect(closed).toBe(1);
    expect(office.context.displayLanguage).toBe('zh-CN');
    expect(fakeOfficeOver(emptyDraft()).context.displayLanguage).toBe('en-US');
  });

  it.each([
    ['with a NAA host', { naa: {} }, true],
    ['without one (?naa=0)', { naa: null }, false],
  ])('reports NestedAppAuth 1.1 %s', (_case, extras, supported) => {
    const office = fakeOfficeOver(emptyDraft(), Promise.resolve(), extras);
    expect(office.context.requirements.isSetSupported('NestedAppAuth', '1.1')).toBe(supported);
    expect(office.context.requirements.isSetSupported('NestedAppAuth', '1.2')).toBe(false);
  });

  it("opens a dialog through the host and hands the dialog page's messageParent and closing to the add-in", async () => {
    const opened: string[] = [];
    let handlers: { onMessage(message: string): void; onEvent(error: number): void } | null = null;
    let closedByAddIn = 0;
    const dialogs = {
      open(url: string, given: typeof handlers) {
        opened.push(url);
        handlers = given;
        return { close: () => closedByAddIn++ };
      },
      messageParent: (message: string) => handlers?.onMessage(message),
    };
    const office = fakeOfficeOver(emptyDraft(), Promise.resolve(), {
      dialogs,
      origin: 'http://127.0.0.1:4317',
    });
    const result = await call<FakeDialog>((cb) =>
      office.context.ui.displayDialogAsync('http://127.0.0.1:4317/connect', { height: 60 }, cb),
    );
    expect([result.status, opened]).toEqual(['succeeded', ['http://127.0.0.1:4317/connect']]);
    const heard: unknown[] = [];
    result.value.addEventHandler(office.EventType.DialogMessageReceived, (args) => heard.push(args));
    result.value.addEventHandler(office.EventType.DialogEventReceived, (args) => heard.push(args));
    office.context.ui.messageParent('done'); // the page in the dialog, through its own Office
    handlers!.onEvent(12006);
    result.value.close();
    expect(heard).toEqual([{ message: 'done', origin: 'http://127.0.0.1:4317' }, { error: 12006 }]);
    expect(closedByAddIn).toBe(1);
  });

  it('fails displayDialogAsync with 12009 when the window was blocked', async () => {
    const office = fakeOfficeOver(emptyDraft(), Promise.resolve(), {
      dialogs: { open: () => null, messageParent: () => {} },
    });
    const result = await call<FakeDialog>((cb) => office.context.ui.displayDialogAsync('/x', {}, cb));
    expect([result.status, result.error?.code]).toEqual(['failed', 12009]);
  });
});
