/**
 * `connect.html`, the first page of the consent dialog. Office opens only pages on the add-in's own
 * domain as a dialog's first page (displayDialogAsync error 12004), and a provider's consent page is
 * not one. So the pane opens this page, which says it is ready (`messageParent`), and the pane sends
 * it the authorization URL (`dialog.messageChild`, Dialog API 1.2). Only the add-in that opened the
 * dialog can message it: a link to this page cannot send anyone elsewhere (no open redirect).
 */
export const CONNECT_READY = JSON.stringify({ sendwell: 'connect-ready' });

export function connectGo(url: string): string {
  return JSON.stringify({ sendwell: 'connect-go', url });
}

/** The URL in a `connect-go` message, or null for anything else (only http(s) is followed). */
export function readConnectGo(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as { sendwell?: unknown; url?: unknown };
    if (value.sendwell !== 'connect-go' || typeof value.url !== 'string') return null;
    const url = new URL(value.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** What the page needs of office.js in the dialog (Dialog API 1.2). */
export interface DialogPageOffice {
  EventType: { DialogParentMessageReceived: unknown };
  context: {
    ui: {
      addHandlerAsync(
        eventType: unknown,
        handler: (args: { message: string }) => void,
        callback?: () => void,
      ): void;
      messageParent(message: string): void;
    };
  };
}

export function runConnectPage(office: DialogPageOffice, navigate: (url: string) => void): void {
  const ui = office.context.ui;
  ui.addHandlerAsync(
    office.EventType.DialogParentMessageReceived,
    (args) => {
      const url = readConnectGo(args.message);
      if (url) navigate(url);
    },
    () => ui.messageParent(CONNECT_READY),
  );
}
