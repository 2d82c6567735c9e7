import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { MicrosoftSignInConfig } from '../office/authConfig';
import { signInMessage } from '../office/signInMessage';

/**
 * The sign-in dialog's work, for Outlook clients without nested app auth (the pane opens this page
 * with `displayDialogAsync`): MSAL's redirect flow against the tenant (auth code + PKCE, the page's
 * own URL as the SPA redirect URI), then the token goes to the pane through `messageParent`.
 */
export interface DialogSignInDeps {
  loadConfig(): Promise<MicrosoftSignInConfig | null>;
  /** MSAL's standard public client for this config, initialised. */
  createClient(
    config: MicrosoftSignInConfig,
  ): Promise<
    Pick<
      IPublicClientApplication,
      'handleRedirectPromise' | 'acquireTokenRedirect' | 'acquireTokenSilent' | 'getAllAccounts'
    >
  >;
  /** `Office.context.ui.messageParent`, once office.js is ready. */
  messageParent(message: string): void;
}

const tokenMessage = (result: AuthenticationResult) =>
  signInMessage({
    accessToken: result.accessToken,
    expiresOn: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).toISOString(),
  });

/** Returns 'redirecting' when the browser is on its way to the sign-in page, 'done' when the pane has an answer. */
export async function runDialogSignIn(deps: DialogSignInDeps): Promise<'redirecting' | 'done'> {
  try {
    const config = await deps.loadConfig();
    if (!config) {
      deps.messageParent(
        signInMessage({
          error: {
            code: 'not-configured',
            message: 'This Sendwell server has no Microsoft sign-in configured.',
          },
        }),
      );
      return 'done';
    }
    const client = await deps.createClient(config);
    const scopes = [config.apiScope];
    const returned = await client.handleRedirectPromise();
    if (returned) {
      deps.messageParent(tokenMessage(returned));
      return 'done';
    }
    const [account] = client.getAllAccounts();
    if (account) {
      const silent = await client.acquireTokenSilent({ scopes, account }).catch(() => null);
      if (silent) {
        deps.messageParent(tokenMessage(silent));
        return 'done';
      }
    }
    await client.acquireTokenRedirect({ scopes });
    return 'redirecting';
  } catch (error) {
    const code = (error as { errorCode?: string }).errorCode ?? 'signin-failed';
    deps.messageParent(signInMessage({ error: { code, message: (error as Error).message } }));
    return 'done';
  }
}
