import { describe, expect, it } from 'vitest';
import { CONNECT_READY, readConnectGo } from '../connect/connectPage';
import { FakeOffice } from '../testing/fakeOffice';
import { authWindowOpener } from './authWindow';

/** A browser `window` that records what it opened; the test closes the opened window. */
function fakeSelf() {
  const opened: { url: string; closed: boolean }[] = [];
  const timers = new Set<() => void>();
  const self = {
    location: { href: 'https://sendwell.test/outlook/taskpane.html', origin: 'https://sendwell.test' },
    open: (url: string) => {
      const win = { url, closed: false };
      opened.push(win);
      return win;
    },
    setInterval: (check: () => void) => {
      timers.add(check);
      return check;
    },
    clearInterval: (check: () => void) => timers.delete(check),
  };
  /** The rep closes the window; the pane's next check notices. */
  const closeOpened = () => {
    for (const win of opened) win.closed = true;
    for (const check of [...timers]) check();
  };
  return { self: self as unknown as Window, opened, closeOpened };
}

/** The provider's consent page on our own origin (as in the sandbox): opened as the dialog's first page. */
const CONSENT = 'https://sendwell.test/sandbox/login/tenant/oauth2/v2.0/authorize?state=s1';
/** Entra's, on another domain: Office would refuse it as a first page (12004). */
const ENTRA = 'https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize?state=s2';

describe('opening a consent page for the rep', () => {
  it("uses Office's dialog and settles when the page messages the pane, closing the dialog", async () => {
    const office = new FakeOffice();
    const done = authWindowOpener(office, fakeSelf().self)(CONSENT);
    await expect.poll(() => office.dialogs.length).toBe(1);
    const dialog = office.dialogs[0]!;
    expect(dialog.url).toBe(CONSENT);
    dialog.messageParent('{"type":"sendwell.connection","outcome":"connected"}');
    await done;
    expect(dialog.closed).toBe(true);
  });

  it('settles when the rep closes the dialog', async () => {
    const office = new FakeOffice();
    const done = authWindowOpener(office, fakeSelf().self)(CONSENT);
    await expect.poll(() => office.dialogs.length).toBe(1);
    office.dialogs[0]!.closeByUser();
    await expect(done).resolves.toBeUndefined();
  });

  it("opens a browser window when Office will not open the provider's domain (12004), and settles when it closes", async () => {
    const office = new FakeOffice();
    office.failNext = {
      method: 'ui.displayDialogAsync',
      name: 'Untrusted',
      message: 'not trusted',
      code: 12004,
    };
    const browser = fakeSelf();
    const done = authWindowOpener(office, browser.self)(CONSENT);
    await expect.poll(() => browser.opened.map((win) => win.url)).toEqual([CONSENT]);
    browser.closeOpened();
    await expect(done).resolves.toBeUndefined();
  });

  it('reports other dialog failures (the rep ignored the dialog, 12009)', async () => {
    const office = new FakeOffice();
    office.failNext = {
      method: 'ui.displayDialogAsync',
      name: 'Ignored',
      message: 'The user chose to ignore the dialog box.',
      code: 12009,
    };
    const browser = fakeSelf();
    await expect(authWindowOpener(office, browser.self)(CONSENT)).rejects.toThrow(/ignore/);
    expect(browser.opened).toEqual([]);
  });

  it('without Office, a browser window', async () => {
    const browser = fakeSelf();
    const done = authWindowOpener(null, browser.self)(CONSENT);
    expect(browser.opened.map((win) => win.url)).toEqual([CONSENT]);
    browser.closeOpened();
    await done;
  });

  it('opens a provider on another domain through our connect page, which gets the address by messageChild once ready', async () => {
    const office = new FakeOffice();
    const done = authWindowOpener(office, fakeSelf().self)(ENTRA);
    await expect.poll(() => office.dialogs.length).toBe(1);
    const dialog = office.dialogs[0]!;
    expect(dialog.url).toBe('https://sendwell.test/outlook/connect.html');
    dialog.messageParent(CONNECT_READY); // connect.html is ready
    expect(dialog.toChild.map(readConnectGo)).toEqual([ENTRA]);
    expect(dialog.closed).toBe(false);
    dialog.messageParent('{"type":"sendwell.connection","outcome":"connected"}'); // the callback page
    await done;
    expect(dialog.closed).toBe(true);
  });

  it('without Dialog API 1.2 (no messageChild) it opens the provider directly and falls back on 12004', async () => {
    const office = new FakeOffice();
    office.dialogApiVersion = 1.1;
    office.failNext = {
      method: 'ui.displayDialogAsync',
      name: 'Untrusted',
      message: 'not trusted',
      code: 12004,
    };
    const browser = fakeSelf();
    const done = authWindowOpener(office, browser.self)(ENTRA);
    await expect.poll(() => browser.opened.map((win) => win.url)).toEqual([ENTRA]);
    browser.closeOpened();
    await done;
  });
});
