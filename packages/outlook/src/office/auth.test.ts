import {
  type AuthenticationResult,
  ClientAuthError,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { FakeOffice } from '../testing/fakeOffice';
import { createSignIn, type NaaClient, SignInError } from './auth';
import type { MicrosoftSignInConfig } from './authConfig';
import { signInMessage } from './signInMessage';

const CONFIG: MicrosoftSignInConfig = {
  clientId: '9f2c7a41-5b3e-4d8a-b6f1-2e4c8d0a7b35',
  authority: 'https://login.example.test/contoso',
  apiScope: 'api://sendwell.test/9f2c7a41-5b3e-4d8a-b6f1-2e4c8d0a7b35/access_as_user',
};
const SIGN_IN_PAGE = 'https://sendwell.test/outlook/signin.html';

const result = (accessToken: string) => ({ accessToken }) as AuthenticationResult;

/** MSAL's nestable client as the test scripts it: each call answers the next scripted outcome. */
class FakeNaaClient implements NaaClient {
  readonly calls: { method: string; scopes: string[] }[] = [];
  constructor(
    private silent: () => Promise<AuthenticationResult>,
    private popup: () => Promise<AuthenticationResult> = async () => {
      throw new Error('no popup expected');
    },
  ) {}
  acquireTokenSilent(request: { scopes: string[] }) {
    this.calls.push({ method: 'silent', scopes: request.scopes });
    return this.silent();
  }
  acquireTokenPopup(request: { scopes: string[] }) {
    this.calls.push({ method: 'popup', scopes: request.scopes });
    return this.popup();
  }
}

function signIn(
  office: FakeOffice,
  client: FakeNaaClient | null,
  config: () => Promise<MicrosoftSignInConfig | null> = async () => CONFIG,
) {
  const made: MicrosoftSignInConfig[] = [];
  const source = createSignIn({
    office,
    loadConfig: config,
    signInPageUrl: SIGN_IN_PAGE,
    createNaaClient: async (c) => {
      made.push(c);
      if (!client) throw new Error('NAA must not be used here');
      return client;
    },
    now: () => Date.parse('2026-03-02T09:00:00Z'),
  });
  return { source, made };
}

const consentNeeded = () =>
  new InteractionRequiredAuthError('invalid_grant', '', 'AADSTS65001: consent required', 'consent_required');

describe('sign-in with nested app auth (Outlook supports NestedAppAuth 1.1)', () => {
  it("asks MSAL silently for the API scope from the server's auth config", async () => {
    const client = new FakeNaaClient(async () => result('silent-token'));
    const { source, made } = signIn(new FakeOffice(), client);
    expect(await source()).toBe('silent-token');
    expect(made).toEqual([CONFIG]);
    expect(client.calls).toEqual([{ method: 'silent', scopes: [CONFIG.apiScope] }]);
  });

  it('falls back to the interactive prompt when MSAL says interaction is required', async () => {
    const client = new FakeNaaClient(
      async () => {
        throw consentNeeded();
      },
      async () => result('popup-token'),
    );
    const { source } = signIn(new FakeOffice(), client);
    expect(await source()).toBe('popup-token');
    expect(client.calls.map((call) => call.method)).toEqual(['silent', 'popup']);
  });

  it.each([
    ['the rep cancels the prompt', new ClientAuthError('user_canceled', 'correlation-1'), 'cancelled'],
    ['consent is still missing after the prompt', consentNeeded(), 'refused'],
    ['anything else goes wrong', new Error('bridge broke'), 'failed'],
  ])('says why when %s', async (_case, popupError, reason) => {
    const client = new FakeNaaClient(
      async () => {
        throw consentNeeded();
      },
      async () => {
        throw popupError;
      },
    );
    await expect(signIn(new FakeOffice(), client).source()).rejects.toMatchObject({
      name: 'SignInError',
      reason,
    });
  });

  it('takes the rep at their word: after a cancelled prompt, later callers fail at once without a new prompt', async () => {
    const client = new FakeNaaClient(
      async () => {
        throw consentNeeded();
      },
      async () => {
        throw new ClientAuthError('user_canceled', 'correlation-1');
      },
    );
    const { source } = signIn(new FakeOffice(), client);
    await expect(source()).rejects.toMatchObject({ reason: 'cancelled' });
    await expect(source()).rejects.toMatchObject({ reason: 'cancelled' });
    expect(client.calls.map((call) => call.method)).toEqual(['silent', 'popup']);
  });

  it('does not prompt when the silent failure is not about interaction', async () => {
    const client = new FakeNaaClient(async () => {
      throw new ClientAuthError('no_network_connectivity', 'correlation-1');
    });
    await expect(signIn(new FakeOffice(), client).source()).rejects.toMatchObject({ reason: 'failed' });
    expect(client.calls.map((call) => call.method)).toEqual(['silent']);
  });

  it('shares one sign-in between concurrent callers and makes one MSAL client', async () => {
    const client = new FakeNaaClient(async () => result('t'));
    const { source, made } = signIn(new FakeOffice(), client);
    expect(await Promise.all([source(), source()])).toEqual(['t', 't']);
    await source();
    expect(made).toHaveLength(1);
    expect(client.calls).toHaveLength(2);
  });
});

describe('sign-in configuration', () => {
  it('refuses when the server has no Microsoft sign-in configured', async () => {
    await expect(signIn(new FakeOffice(), null, async () => null).source()).rejects.toMatchObject({
      reason: 'not-configured',
    });
  });

  it('asks again after the auth config could not be read', async () => {
    let attempts = 0;
    const client = new FakeNaaClient(async () => result('t'));
    const { source } = signIn(new FakeOffice(), client, async () => {
      if (++attempts === 1) throw new Error('offline');
      return CONFIG;
    });
    await expect(source()).rejects.toMatchObject({ reason: 'config-unreachable' });
    expect(await source()).toBe('t');
  });
});

describe('sign-in without nested app auth: the Office dialog fallback', () => {
  function withoutNaa() {
    const office = new FakeOffice();
    office.nestedAppAuth = false;
    return office;
  }

  async function openedDialog(office: FakeOffice) {
    await expect.poll(() => office.dialogs.length).toBe(1);
    return office.dialogs[0]!;
  }

  it('opens our sign-in page in a dialog and takes the token it messages back', async () => {
    const office = withoutNaa();
    const { source, made } = signIn(office, null);
    const token = source();
    const dialog = await openedDialog(office);
    expect(dialog.url).toBe(SIGN_IN_PAGE);
    dialog.messageParent('{"unrelated":true}');
    dialog.messageParent(signInMessage({ accessToken: 'dialog-token', expiresOn: '2026-03-02T10:00:00Z' }));
    expect(await token).toBe('dialog-token');
    expect(dialog.closed).toBe(true);
    expect(made).toEqual([]);
    expect(await source()).toBe('dialog-token'); // reused until near expiry: no second dialog
    expect(office.dialogs).toHaveLength(1);
  });

  it('signs in again once the dialog token is within five minutes of expiring', async () => {
    const office = withoutNaa();
    const { source } = signIn(office, null);
    const first = source();
    (await openedDialog(office)).messageParent(
      signInMessage({ accessToken: 'short', expiresOn: '2026-03-02T09:04:00Z' }),
    );
    await first;
    void source();
    await expect.poll(() => office.dialogs.length).toBe(2);
  });

  it.each([
    [
      'the rep closes the dialog',
      (d: import('../testing/fakeOffice').FakeDialog) => d.closeByUser(),
      'cancelled',
    ],
    [
      'the page reports a failure',
      (d: import('../testing/fakeOffice').FakeDialog) =>
        d.messageParent(
          signInMessage({ error: { code: 'access_denied', message: 'AADSTS65004: declined' } }),
        ),
      'failed',
    ],
  ])('says why when %s', async (_case, act, reason) => {
    const office = withoutNaa();
    const token = signIn(office, null).source();
    act(await openedDialog(office));
    await expect(token).rejects.toBeInstanceOf(SignInError);
    await expect(token).rejects.toMatchObject({ reason });
  });

  it('does not open the dialog again after the rep closed it', async () => {
    const office = withoutNaa();
    const { source } = signIn(office, null);
    const first = source();
    (await openedDialog(office)).closeByUser();
    await expect(first).rejects.toMatchObject({ reason: 'cancelled' });
    await expect(source()).rejects.toMatchObject({ reason: 'cancelled' });
    expect(office.dialogs).toHaveLength(1);
  });
});
