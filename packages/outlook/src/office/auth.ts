import {
  AuthError,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { MicrosoftSignInConfig } from './authConfig';
import type { OfficeApi, OfficeDialog, OfficeDialogArgs } from './officeApi';
import { SignInError } from './signInError';
import { readSignInMessage } from './signInMessage';

export { SignInError } from './signInError';

/** The part of MSAL's public client the pane uses; tests give a fake. */
export type NaaClient = Pick<IPublicClientApplication, 'acquireTokenSilent' | 'acquireTokenPopup'>;

export interface SignInDeps {
  office: OfficeApi;
  /** `GET /api/v1/auth-config`'s Microsoft part (null: not configured). */
  loadConfig(): Promise<MicrosoftSignInConfig | null>;
  /** The fallback page for clients without NAA, e.g. `https://sendwell.example.com/outlook/signin.html`. */
  signInPageUrl: string;
  /** MSAL's nestable public client; injectable for tests. */
  createNaaClient?(config: MicrosoftSignInConfig): Promise<NaaClient>;
  now?(): number;
}

export type TokenSource = () => Promise<string>;

const createMsalNaaClient = (config: MicrosoftSignInConfig): Promise<NaaClient> =>
  createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });

const errorCode = (error: unknown) => (error instanceof AuthError ? error.errorCode : '');

/** MSAL's and the bridge's failures, in the pane's vocabulary. */
function signInFailure(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (['user_canceled', 'user_cancelled'].includes(errorCode(error)))
    return new SignInError('cancelled', message);
  if (error instanceof InteractionRequiredAuthError) return new SignInError('refused', message);
  return new SignInError('failed', message);
}

/** Nested app auth: silent first (MSAL's cache, then the host), the host's consent prompt when needed. */
async function naaToken(client: NaaClient, config: MicrosoftSignInConfig): Promise<string> {
  const request = { scopes: [config.apiScope] };
  try {
    return (await client.acquireTokenSilent(request)).accessToken;
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) throw signInFailure(error);
  }
  try {
    return (await client.acquireTokenPopup(request)).accessToken;
  } catch (error) {
    throw signInFailure(error);
  }
}

interface DialogToken {
  token: string;
  expiresAt: number;
}

/** Dialog errors (DialogEventReceived): 12006 is the rep closing the window. */
const DIALOG_CLOSED = 12006;

function dialogFailure(args: OfficeDialogArgs): SignInError {
  if (args.error === DIALOG_CLOSED) return new SignInError('cancelled', 'The sign-in window was closed.');
  return new SignInError('failed', `The sign-in window failed (Office error ${args.error}).`);
}

/** Fallback for Outlook clients without NAA: our sign-in page in an Office dialog messages us a token. */
function dialogToken(office: OfficeApi, url: string): Promise<DialogToken> {
  const ui = office.context.ui;
  const events = office.EventType;
  if (!ui || !events) return Promise.reject(new SignInError('no-dialog', 'This Outlook has no dialog API.'));
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, { height: 60, width: 30 }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        reject(
          new SignInError('failed', result.error?.message ?? 'Outlook did not open the sign-in window.'),
        );
        return;
      }
      const dialog: OfficeDialog = result.value;
      dialog.addEventHandler(events.DialogMessageReceived, (args) => {
        const message = readSignInMessage(args.message);
        if (!message) return;
        dialog.close();
        if ('error' in message) reject(new SignInError('failed', message.error.message));
        else resolve({ token: message.accessToken, expiresAt: Date.parse(message.expiresOn) });
      });
      dialog.addEventHandler(events.DialogEventReceived, (args) => reject(dialogFailure(args)));
    });
  });
}

/** A dialog token is reused until five minutes before it expires (MSAL keeps NAA tokens itself). */
const REUSE_MARGIN_MS = 5 * 60_000;

/**
 * The pane's token source for the Sendwell API: MSAL nested app authentication where Outlook supports
 * it (`NestedAppAuth` 1.1), the Office dialog fallback elsewhere. One sign-in at a time: concurrent
 * callers share it. There is deliberately no other way to get a token.
 */
export function createSignIn(deps: SignInDeps): TokenSource {
  const now = deps.now ?? Date.now;
  const createClient = deps.createNaaClient ?? createMsalNaaClient;
  let config: Promise<MicrosoftSignInConfig> | null = null;
  let client: Promise<NaaClient> | null = null;
  let dialog: DialogToken | null = null;
  let inFlight: Promise<string> | null = null;
  // The rep's own "no" (cancelled or refused a prompt) stands for this pane: callers that retry on
  // their own (the feed reconnects every few seconds) must not put the prompt up again and again.
  let answeredNo: SignInError | null = null;

  const readConfig = async () => {
    const answer = await deps.loadConfig().catch((error: unknown) => {
      throw new SignInError('config-unreachable', (error as Error).message);
    });
    if (!answer)
      throw new SignInError('not-configured', 'This Sendwell server has no Microsoft sign-in configured.');
    return answer;
  };

  async function acquire(): Promise<string> {
    config ??= readConfig();
    const signIn = await config.catch((error: unknown) => {
      config = null; // ask again next time: the server may come back or be configured
      throw error;
    });
    if (deps.office.context.requirements?.isSetSupported('NestedAppAuth', '1.1')) {
      client ??= createClient(signIn).catch((error: unknown) => {
        client = null;
        throw signInFailure(error);
      });
      return naaToken(await client, signIn);
    }
    if (dialog && dialog.expiresAt - REUSE_MARGIN_MS > now()) return dialog.token;
    dialog = await dialogToken(deps.office, deps.signInPageUrl);
    return dialog.token;
  }

  const remembered = (error: unknown) => {
    if (error instanceof SignInError && (error.reason === 'cancelled' || error.reason === 'refused')) {
      answeredNo = error;
    }
    throw error;
  };

  return () => {
    if (answeredNo) return Promise.reject(answeredNo);
    inFlight ??= acquire()
      .catch(remembered)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
