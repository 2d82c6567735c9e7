import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The host side of nested app auth, spoken to in the envelopes msal-browser 5.29's BridgeProxy sends
 * (src/naa/BridgeRequestEnvelope.ts) and reads (BridgeResponseEnvelope.ts). The pane's contract test
 * (packages/outlook/src/office/sandboxHost.contract.test.ts) runs the real MSAL against it too.
 */
interface Bridge {
  addEventListener(name: string, listener: (data: string) => void): void;
  removeEventListener(name: string, listener: (data: string) => void): void;
  postMessage(message: string): void;
}
interface TokenAsk {
  clientId: string;
  scope: string;
  audience: string;
  interactive: boolean;
}
type Naa = { token(ask: TokenAsk): Promise<unknown> };

const source = readFileSync(new URL('./naaBridge.js', import.meta.url), 'utf8');

function bridgeOver(naa: Naa): Bridge {
  const scope: { SendwellNaaBridge?: { createNestedAppAuthBridge(naa: Naa): Bridge } } = {};
  new Function('window', source)(scope);
  return scope.SendwellNaaBridge!.createNestedAppAuthBridge(naa);
}

let nextId = 0;
/** One request as MSAL posts it; the response envelope the bridge answers for its requestId. */
function ask(bridge: Bridge, method: string, tokenParams?: object): Promise<Record<string, unknown>> {
  const requestId = `req-${++nextId}`;
  return new Promise((resolve) => {
    const listener = (data: string) => {
      const envelope = JSON.parse(data);
      if (envelope.requestId !== requestId) return;
      bridge.removeEventListener('message', listener);
      resolve(envelope);
    };
    bridge.addEventListener('message', listener);
    bridge.postMessage(
      JSON.stringify({
        messageType: 'NestedAppAuthRequest',
        method,
        requestId,
        sendTime: Date.now(),
        clientLibrary: 'msal.js.browser',
        clientLibraryVersion: '5.29.0',
        ...(tokenParams ? { tokenParams } : {}),
      }),
    );
  });
}

const CLIENT = '9f2c7a41-5b3e-4d8a-b6f1-2e4c8d0a7b35';
const ACCOUNT = {
  homeAccountId: 'oid.tid',
  environment: 'login.example.test',
  tenantId: 'tid',
  username: 'ava@contoso.test',
  localAccountId: 'oid',
  name: 'Ava Reyes',
};

function recordingNaa(asks: TokenAsk[]): Naa {
  return {
    token: async (request) => {
      asks.push(request);
      return {
        accessToken: `at-for-${request.audience}`,
        idToken: 'h.e.s',
        expiresOn: Math.floor(Date.now() / 1000) + 3599,
        account: ACCOUNT,
      };
    },
  };
}

describe('nested app auth bridge (sandbox Outlook host)', () => {
  it('answers GetInitContext with the host SDK name and version (the only handshake MSAL makes)', async () => {
    const answer = await ask(bridgeOver(recordingNaa([])), 'GetInitContext');
    expect(answer).toMatchObject({
      messageType: 'NestedAppAuthResponse',
      success: true,
      initContext: { sdkName: 'sendwell-sandbox-outlook', sdkVersion: expect.any(String) },
    });
  });

  it.each([
    ['GetToken', false],
    ['GetTokenPopup', true],
  ])('%s mints for the resource of the scope asked, with the account', async (method, interactive) => {
    const asks: TokenAsk[] = [];
    const scope = `openid profile api://sendwell.test/${CLIENT}/access_as_user`;
    const answer = await ask(bridgeOver(recordingNaa(asks)), method, {
      clientId: CLIENT,
      scope,
      correlationId: 'c1',
    });
    expect(asks).toEqual([
      { clientId: CLIENT, scope, audience: `api://sendwell.test/${CLIENT}`, interactive },
    ]);
    expect(answer).toMatchObject({
      success: true,
      token: {
        access_token: `at-for-api://sendwell.test/${CLIENT}`,
        id_token: 'h.e.s',
        scope,
        properties: null,
      },
      account: ACCOUNT,
    });
    expect((answer.token as { expires_in: number }).expires_in).toBeGreaterThan(3500);
  });

  it.each([
    ['Graph scopes by name', 'User.Read Mail.Send', 'https://graph.microsoft.com'],
    ['a Graph scope by URI', 'https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com'],
  ])('%s are for Graph', async (_case, scope, audience) => {
    const asks: TokenAsk[] = [];
    await ask(bridgeOver(recordingNaa(asks)), 'GetToken', { clientId: CLIENT, scope });
    expect(asks[0]?.audience).toBe(audience);
  });

  it.each([
    ['two resources at once', `User.Read api://sendwell.test/${CLIENT}/access_as_user`, /AADSTS28000/],
    ['only OpenID scopes', 'openid profile offline_access', /AADSTS70011/],
  ])('refuses %s as Entra does, without minting', async (_case, scope, description) => {
    const asks: TokenAsk[] = [];
    const answer = await ask(bridgeOver(recordingNaa(asks)), 'GetToken', { clientId: CLIENT, scope });
    expect(answer).toMatchObject({
      success: false,
      error: { status: 'PERSISTENT_ERROR', code: 'invalid_scope' },
    });
    expect((answer.error as { description: string }).description).toMatch(description);
    expect(asks).toEqual([]);
  });

  it("passes the host's interaction-required answer through as a BridgeError", async () => {
    const naa: Naa = {
      token: async () => {
        const error = new Error('consent') as Error & { bridgeError: object };
        error.bridgeError = {
          status: 'USER_INTERACTION_REQUIRED',
          code: 'invalid_grant',
          subError: 'consent_required',
          description: 'AADSTS65001',
        };
        throw error;
      },
    };
    const answer = await ask(bridgeOver(naa), 'GetToken', { clientId: CLIENT, scope: 'User.Read' });
    expect(answer).toMatchObject({
      success: false,
      error: { status: 'USER_INTERACTION_REQUIRED', code: 'invalid_grant', subError: 'consent_required' },
    });
  });

  it('answers an unknown method as a persistent error and ignores what is not a NAA request', async () => {
    const bridge = bridgeOver(recordingNaa([]));
    const heard: string[] = [];
    bridge.addEventListener('message', (data) => heard.push(data));
    bridge.postMessage('not json');
    bridge.postMessage(JSON.stringify({ messageType: 'Other', requestId: 'x' }));
    const answer = await ask(bridge, 'GetActiveAccount');
    expect(answer).toMatchObject({
      success: false,
      error: { status: 'PERSISTENT_ERROR', code: 'unsupported_method' },
    });
    expect(heard).toHaveLength(1); // only the answer to GetActiveAccount
  });
});
