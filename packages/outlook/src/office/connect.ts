import { createSignIn, type TokenSource } from './auth';
import { loadAuthConfig } from './authConfig';
import type { OfficeApi } from './officeApi';
import { officeComposeItem } from './officeComposeItem';
import { isSandboxMode, readSandboxHandshake } from './sandbox';
import type { ComposeItem } from './types';

export type OfficeConnection =
  | { outcome: 'ready'; mode: 'outlook' | 'sandbox'; item: ComposeItem; office: OfficeApi }
  | { outcome: 'unavailable'; reason: UnavailableReason; message: string };

export type UnavailableReason = 'no-office-js' | 'no-sandbox-host' | 'no-compose-item';

const MESSAGES: Record<UnavailableReason, string> = {
  'no-office-js':
    'Outlook could not be reached: office.js did not load. Open Sendwell from an Outlook compose window.',
  'no-sandbox-host': 'Sandbox mode needs the fake Outlook host: open /sandbox/outlook instead of this page.',
  'no-compose-item': 'Sendwell works in a message you are writing. Open it from an Outlook compose window.',
};

function unavailable(reason: UnavailableReason): OfficeConnection {
  return { outcome: 'unavailable', reason, message: MESSAGES[reason] };
}

export interface ConnectOptions {
  /** Where the Sendwell server is ('' = this page's origin, as when served at /outlook/). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Tests replace MSAL's sign-in; production always uses `createSignIn`. */
  signIn?: (office: OfficeApi) => TokenSource;
}

function defaultSignIn(self: Window, options: ConnectOptions) {
  const baseUrl = options.baseUrl ?? '';
  return (office: OfficeApi) =>
    createSignIn({
      office,
      loadConfig: () => loadAuthConfig(baseUrl, options.fetch),
      signInPageUrl: new URL('signin.html', self.location.href).href,
    });
}

async function connectTo(office: OfficeApi, mode: 'outlook' | 'sandbox', token: TokenSource) {
  await office.onReady();
  const item = officeComposeItem(office, token);
  return item ? ({ outcome: 'ready', mode, item, office } as const) : unavailable('no-compose-item');
}

/**
 * The only place that finds an `Office`. In Outlook, taskpane.html has loaded office.js from the CDN;
 * in the sandbox (`?sandbox=1`) the parent page hands us a fake one and installs the NAA bridge on our
 * window. Either way the token comes from the same sign-in (MSAL nested app auth, dialog fallback).
 */
export async function connectOffice(self: Window, options: ConnectOptions = {}): Promise<OfficeConnection> {
  const signIn = options.signIn ?? defaultSignIn(self, options);
  if (isSandboxMode(self.location.search)) {
    const handshake = readSandboxHandshake(self);
    if (!handshake) return unavailable('no-sandbox-host');
    handshake.attach(self);
    return connectTo(handshake.Office, 'sandbox', signIn(handshake.Office));
  }
  const office = (self as unknown as { Office?: OfficeApi }).Office;
  if (!office) return unavailable('no-office-js');
  return connectTo(office, 'outlook', signIn(office));
}
