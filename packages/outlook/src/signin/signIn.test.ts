import type { AuthenticationResult } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import type { MicrosoftSignInConfig } from '../office/authConfig';
import { readSignInMessage } from '../office/signInMessage';
import { type DialogSignInDeps, runDialogSignIn } from './signIn';

const CONFIG: MicrosoftSignInConfig = {
  clientId: 'client-1',
  authority: 'https://login.example.test/tenant-1',
  apiScope: 'api://sendwell.test/client-1/access_as_user',
};

const result = (accessToken: string) =>
  ({ accessToken, expiresOn: new Date('2026-03-02T10:00:00Z') }) as AuthenticationResult;

/** MSAL's standard client, scripted: what the redirect brought back, and what it was asked. */
function fakeClient(returned: AuthenticationResult | null, redirectFails?: Error) {
  const asked: string[] = [];
  const client = {
    handleRedirectPromise: async () => returned,
    getAllAccounts: () => [],
    acquireTokenSilent: async () => result('silent'),
    acquireTokenRedirect: async (request: { scopes: string[] }) => {
      asked.push(`redirect:${request.scopes.join(' ')}`);
      if (redirectFails) throw redirectFails;
    },
  };
  return { client, asked };
}

function run(config: MicrosoftSignInConfig | null, client: ReturnType<typeof fakeClient>['client']) {
  const messages: string[] = [];
  const deps = {
    loadConfig: async () => config,
    createClient: async () => client,
    messageParent: (message: string) => messages.push(message),
  } as unknown as DialogSignInDeps;
  return runDialogSignIn(deps).then((outcome) => ({ outcome, messages: messages.map(readSignInMessage) }));
}

describe('the sign-in dialog (Outlook without nested app auth)', () => {
  it('first visit: sends the browser to sign in for the API scope, and tells the pane nothing yet', async () => {
    const { client, asked } = fakeClient(null);
    expect(await run(CONFIG, client)).toEqual({ outcome: 'redirecting', messages: [] });
    expect(asked).toEqual([`redirect:${CONFIG.apiScope}`]);
  });

  it('back from the sign-in page: messages the pane the API token and when it expires', async () => {
    const { client } = fakeClient(result('api-token'));
    expect(await run(CONFIG, client)).toEqual({
      outcome: 'done',
      messages: [{ sendwell: 'signin', accessToken: 'api-token', expiresOn: '2026-03-02T10:00:00.000Z' }],
    });
  });

  it.each([
    ['the server has no Microsoft sign-in', null, fakeClient(null).client, 'not-configured'],
    [
      'MSAL fails',
      CONFIG,
      fakeClient(null, Object.assign(new Error('AADSTS50011'), { errorCode: 'redirect_uri_mismatch' }))
        .client,
      'redirect_uri_mismatch',
    ],
  ])('tells the pane when %s', async (_case, config, client, code) => {
    const { messages } = await run(config, client);
    expect(messages).toEqual([{ sendwell: 'signin', error: { code, message: expect.any(String) } }]);
  });
});
