import { describe, expect, it } from 'vitest';
import {
  CONNECT_READY,
  connectGo,
  type DialogPageOffice,
  readConnectGo,
  runConnectPage,
} from './connectPage';

/** office.js in the dialog, as the page uses it: the add-in's messages come through the handler. */
function dialogOffice() {
  const toParent: string[] = [];
  let fromParent: ((args: { message: string }) => void) | null = null;
  const office: DialogPageOffice = {
    EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
    context: {
      ui: {
        addHandlerAsync: (eventType, handler, callback) => {
          if (eventType === 'dialogParentMessageReceived') fromParent = handler;
          callback?.();
        },
        messageParent: (message) => toParent.push(message),
      },
    },
  };
  return { office, toParent, send: (message: string) => fromParent?.({ message }) };
}

describe('connect.html, the consent dialog’s first page', () => {
  it('says it is ready once it listens, then goes where the add-in sends it', () => {
    const { office, toParent, send } = dialogOffice();
    const went: string[] = [];
    runConnectPage(office, (url) => went.push(url));
    expect(toParent).toEqual([CONNECT_READY]);
    send(connectGo('https://login.microsoftonline.com/t/oauth2/v2.0/authorize?state=s'));
    expect(went).toEqual(['https://login.microsoftonline.com/t/oauth2/v2.0/authorize?state=s']);
  });

  it.each([
    ['script URLs', connectGo('javascript:alert(1)')],
    ['other messages', '{"sendwell":"signin"}'],
    ['not JSON', 'https://evil.test/'],
  ])('follows no %s', (_case, message) => {
    const { office, send } = dialogOffice();
    const went: string[] = [];
    runConnectPage(office, (url) => went.push(url));
    send(message);
    expect(went).toEqual([]);
    expect(readConnectGo(message)).toBeNull();
  });
});
