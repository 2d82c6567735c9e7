import { CONNECT_READY, connectGo } from '../connect/connectPage';
import type { OfficeApi } from './officeApi';

/**
 * Opens a provider's consent page for the rep and settles when they are done with it: the page
 * messaged us (Sendwell's callback page calls `Office.context.ui.messageParent`) or the window closed.
 * It never says whether the rep consented: the caller asks the server (`GET /api/v1/connections`).
 */
export type OpenAuthWindow = (url: string) => Promise<void>;

/** How often a plain browser window is checked for having closed (no event exists for it). */
const CLOSED_POLL_MS = 500;
/**
 * displayDialogAsync's "the URL's domain is not trusted": Office opens only pages on the add-in's own
 * domain (protocol and port included) as a dialog's first page, and a provider's consent page is not.
 */
const UNTRUSTED_DOMAIN = 12004;

function browserWindow(self: Window, url: string): Promise<void> {
  const opened = self.open(url, 'sendwell-connect', 'popup,width=520,height=680');
  if (!opened) return Promise.reject(new Error('The browser blocked the sign-in window.'));
  return new Promise((resolve) => {
    const watch = self.setInterval(() => {
      if (!opened.closed) return;
      self.clearInterval(watch);
      resolve();
    }, CLOSED_POLL_MS);
  });
}

/**
 * The dialog's first page: the provider's page itself when it is on our origin (the sandbox), else our
 * `connect.html`, which takes the address from us once it is ready (Dialog API 1.2; Office opens only
 * the add-in's own domain first).
 */
function firstPage(office: OfficeApi, self: Window, url: string): string | null {
  const here = new URL(self.location.href);
  if (new URL(url, here).origin === here.origin) return null;
  return office.context.requirements?.isSetSupported('DialogApi', '1.2')
    ? new URL('connect.html', here).href
    : null;
}

/** Office's dialog (Dialog API 1.1) where there is one, else a browser window. */
export function authWindowOpener(office: OfficeApi | null, self: Window): OpenAuthWindow {
  return (url) => {
    const ui = office?.context.ui;
    const events = office?.EventType;
    if (!office || !ui || !events) return browserWindow(self, url);
    const relay = firstPage(office, self, url);
    return new Promise((resolve, reject) => {
      ui.displayDialogAsync(relay ?? url, { height: 70, width: 40 }, (result) => {
        if (result.status !== office.AsyncResultStatus.Succeeded) {
          if (result.error?.code === UNTRUSTED_DOMAIN) browserWindow(self, url).then(resolve, reject);
          else reject(new Error(result.error?.message ?? 'Outlook did not open the sign-in window.'));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(events.DialogMessageReceived, (args) => {
          if (relay && args.message === CONNECT_READY && dialog.messageChild) {
            dialog.messageChild(connectGo(url)); // our first page is ready: send it on to the provider
            return;
          }
          dialog.close(); // the callback page's messageParent: the rep is done
          resolve();
        });
        dialog.addEventHandler(events.DialogEventReceived, () => resolve());
      });
    });
  };
}
