// The host side of nested app auth (NAA) in the sandbox's fake Outlook: what office.js installs as
// `window.nestedAppAuthBridge` in a pane when Outlook supports NestedAppAuth 1.1. MSAL's nestable
// public client talks to it; the pane's production sign-in code runs unchanged against it.
// Plain browser script without DOM access (Node tests run it): defines
// `SendwellNaaBridge.createNestedAppAuthBridge(naa)` on the global object.
((root) => {
  // ---- Nested app auth (NAA): the host side of MSAL's `window.nestedAppAuthBridge` ----
  // msal-browser (src/naa/BridgeProxy.ts) posts JSON strings
  //   {messageType: 'NestedAppAuthRequest', method: 'GetInitContext' | 'GetToken' | 'GetTokenPopup',
  //    requestId, sendTime, clientLibrary, clientLibraryVersion, tokenParams?: {clientId, scope, correlationId, …}}
  // and listens for 'message' events carrying JSON strings
  //   {messageType: 'NestedAppAuthResponse', requestId, success, initContext? | token + account? | error?}.
  // There is no separate version handshake: GetInitContext answers the host SDK's name and version.
  const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
  const GRAPH_RESOURCE = 'https://graph.microsoft.com';

  /** The resource a scope belongs to: `api://x/y/access_as_user` → `api://x/y`; bare names are Graph's. */
  function resourceOf(scope) {
    const slash = scope.lastIndexOf('/');
    return slash > 0 && scope.includes('://') ? scope.slice(0, slash) : GRAPH_RESOURCE;
  }

  /** The one resource a token request asks for (Entra refuses mixed resources: AADSTS28000). */
  function audienceOf(scopeParam) {
    const scopes = String(scopeParam || '')
      .split(/\s+/)
      .filter((scope) => scope && !OIDC_SCOPES.includes(scope.toLowerCase()));
    const resources = [...new Set(scopes.map(resourceOf))];
    if (resources.length === 1) return resources[0];
    throw bridgeFailure(
      'PERSISTENT_ERROR',
      'invalid_scope',
      resources.length
        ? 'AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.'
        : 'AADSTS70011: The provided request must include a scope beyond openid, profile, email and offline_access.',
    );
  }

  function bridgeFailure(status, code, description, subError) {
    const error = new Error(description);
    error.bridgeError = { status, code, description, ...(subError ? { subError } : {}) };
    return error;
  }

  function asBridgeError(failure) {
    if (failure?.bridgeError) return failure.bridgeError;
    return {
      status: 'TRANSIENT_ERROR',
      code: 'host_error',
      description: String(failure?.message || failure),
    };
  }

  /**
   * naa = { sdkVersion?, token({clientId, scope, audience, interactive}) → Promise<{accessToken, idToken,
   *         expiresOn (epoch s), account: {homeAccountId, environment, tenantId, username, localAccountId, name}}> }
   * A failure thrown by `naa.token` with `bridgeError` is answered as that BridgeError.
   */
  function createNestedAppAuthBridge(naa) {
    const listeners = new Set();
    const reply = (envelope) => {
      const data = JSON.stringify({ messageType: 'NestedAppAuthResponse', ...envelope });
      setTimeout(() => {
        for (const listener of [...listeners]) listener(data);
      }, 0);
    };

    async function tokenAnswer(params, interactive) {
      if (!params || typeof params.clientId !== 'string' || !params.clientId)
        throw bridgeFailure(
          'PERSISTENT_ERROR',
          'invalid_request',
          'AADSTS900144: The request body must contain the following parameter: client_id.',
        );
      const audience = audienceOf(params.scope);
      const result = await naa.token({
        clientId: params.clientId,
        scope: params.scope,
        audience,
        interactive,
      });
      const now = Math.floor(Date.now() / 1000);
      return {
        token: {
          access_token: result.accessToken,
          id_token: result.idToken,
          expires_in: Math.max(0, result.expiresOn - now),
          scope: params.scope,
          properties: null,
        },
        account: result.account,
      };
    }

    async function handle(request) {
      switch (request.method) {
        case 'GetInitContext':
          return {
            initContext: {
              sdkName: 'sendwell-sandbox-outlook',
              sdkVersion: naa.sdkVersion || '1.0.0',
              capabilities: { queryAccount: false },
            },
          };
        case 'GetToken':
          return tokenAnswer(request.tokenParams, false);
        case 'GetTokenPopup':
          return tokenAnswer(request.tokenParams, true);
        default:
          throw bridgeFailure(
            'PERSISTENT_ERROR',
            'unsupported_method',
            `Unknown bridge method ${request.method}.`,
          );
      }
    }

    return {
      addEventListener(name, listener) {
        if (name === 'message') listeners.add(listener);
      },
      removeEventListener(name, listener) {
        if (name === 'message') listeners.delete(listener);
      },
      postMessage(message) {
        let request;
        try {
          request = JSON.parse(message);
        } catch {
          return; // not ours
        }
        if (request?.messageType !== 'NestedAppAuthRequest' || !request.requestId) return;
        handle(request).then(
          (body) => reply({ requestId: request.requestId, success: true, ...body }),
          (failure) => reply({ requestId: request.requestId, success: false, error: asBridgeError(failure) }),
        );
      },
    };
  }

  root.SendwellNaaBridge = { createNestedAppAuthBridge, audienceOf };
})(typeof window !== 'undefined' ? window : globalThis);
