// The fake Outlook compose window at /sandbox/outlook: wires the page's fields to a fake `Office`
// (fakeOffice.js) and hands it to the Sendwell pane in the iframe through the handshake the pane
// adopts with ?sandbox=1: `window.__sendwellSandboxOffice = {version: 2, Office, attach(paneWindow)}`;
// `attach` installs the nested app auth bridge (naaBridge.js) on the pane's window, as office.js does.
// Runs in <head>, before the iframe exists, so the handshake is there whenever the pane looks.
(() => {
  const config = JSON.parse(document.getElementById('sendwell-host-config').textContent);
  const query = new URLSearchParams(location.search);
  const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
  const profile = {
    emailAddress: '',
    displayName: '',
    accountType: query.get('accountType') || 'office365',
    timeZone: 'UTC',
  };
  const state = { user: null, users: [], problem: null, lastRange: null };
  // This compose window's session data (office.js item.sessionData): it outlives the pane's reloads.
  const sessionData = new Map();
  const displayLanguage = query.get('lang') || 'en-US';
  const tokens = new Map();

  const domReady = new Promise((resolve) => {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', resolve, { once: true });
    else resolve();
  });

  function choose(userId) {
    state.user = state.users.find((user) => user.id === userId) || state.users[0] || null;
    profile.emailAddress = state.user ? state.user.email : '';
    profile.displayName = state.user ? state.user.name : '';
  }

  const usersLoaded = fetch(`${config.devBase}/users`)
    .then((response) =>
      response.ok ? response.json() : Promise.reject(new Error(`users: HTTP ${response.status}`)),
    )
    .then((body) => {
      state.users = (body.users || []).filter((user) => user.provider === 'exchange');
      choose(query.get('user'));
      if (!state.user) state.problem = 'The sandbox has no Exchange user.';
    })
    .catch((error) => {
      state.problem = `Could not load sandbox users (${error.message}).`;
    });

  const domain = (address) => String(address).split('@').pop().toLowerCase();

  function bodyElement() {
    return byTestId('host-body');
  }

  const UNSAFE_ELEMENTS = 'script, iframe, object, embed, frame, frameset, base, meta, link';

  /**
   * HTML as Outlook keeps it in a message body: no scripts, frames or event handlers. Parsed in an
   * inert <template> (nothing loads, no handler runs), cleaned, then handed over as a fragment.
   */
  function sanitizedFragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    for (const element of template.content.querySelectorAll(UNSAFE_ELEMENTS)) element.remove();
    for (const element of template.content.querySelectorAll('*')) {
      for (const attribute of [...element.attributes]) {
        const name = attribute.name.toLowerCase();
        const scriptUrl =
          /^\s*(javascript|vbscript):/i.test(attribute.value) &&
          /^(href|src|action|formaction|xlink:href)$/.test(name);
        if (name.startsWith('on') || scriptUrl) element.removeAttribute(attribute.name);
      }
    }
    return template.content;
  }

  /** Insert at the caret the rep left in the body, else at the end, like Outlook's setSelectedDataAsync. */
  function insertBody(data, kind) {
    const body = bodyElement();
    const remembered = state.lastRange;
    const range =
      remembered && body.contains(remembered.commonAncestorContainer) ? remembered : document.createRange();
    if (range !== remembered) {
      range.selectNodeContents(body);
      range.collapse(false);
    }
    range.deleteContents();
    const fragment = kind === 'html' ? sanitizedFragment(data) : document.createTextNode(data);
    const last = fragment.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? fragment.lastChild : fragment;
    range.insertNode(fragment);
    if (last) {
      range.setStartAfter(last);
      range.collapse(true);
    }
    state.lastRange = range.cloneRange();
  }

  const fields = {
    readRecipients: (field) => byTestId(`host-${field}`).value,
    readSubject: () => byTestId('host-subject').value,
    writeSubject: (subject) => {
      byTestId('host-subject').value = subject;
    },
    readBody: (kind) => (kind === 'text' ? bodyElement().textContent : bodyElement().innerHTML),
    writeBody: (data, kind) => {
      if (kind === 'html') bodyElement().replaceChildren(sanitizedFragment(data));
      else bodyElement().textContent = data;
      state.lastRange = null;
    },
    insertBody,
  };

  function claimsOf(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch {
      return {};
    }
  }

  /** A Microsoft token for the chosen user and audience, from the sandbox's dev token endpoint. */
  async function mint(audience) {
    const key = `${state.user.id}|${audience}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresOn * 1000 - 60000 > Date.now()) return cached;
    const response = await fetch(`${config.devBase}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: state.user.id, kind: 'microsoft-access', audience }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.token !== 'string') {
      throw new Error(body.error?.message || `The sandbox token endpoint answered ${response.status}.`);
    }
    const minted = { token: body.token, expiresOn: claimsOf(body.token).exp || 0 };
    tokens.set(key, minted);
    return minted;
  }

  // Consent, as Entra keeps it per user and client: `?naaConsent=prompt` starts without it, so the first
  // silent request is answered "interaction required" (AADSTS65001) and the popup asks the rep here.
  const consented = new Set();
  const askForConsent = query.get('naaConsent') === 'prompt';

  function consentPrompt(clientId) {
    return new Promise((resolve) => {
      const dialog = document.createElement('section');
      dialog.className = 'consent';
      dialog.dataset.testid = 'naa-consent';
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-label', 'Permissions requested');
      const text = document.createElement('p');
      text.textContent = `Sendwell (${clientId}) wants to sign you in as ${profile.emailAddress}.`;
      const button = (label, testId, answer) => {
        const element = document.createElement('button');
        element.textContent = label;
        element.dataset.testid = testId;
        element.addEventListener('click', () => {
          dialog.remove();
          resolve(answer);
        });
        return element;
      };
      dialog.append(
        text,
        button('Accept', 'naa-consent-accept', true),
        button('Cancel', 'naa-consent-cancel', false),
      );
      document.body.append(dialog);
    });
  }

  /** The host side of NAA's GetToken/GetTokenPopup: tokens for the signed-in sandbox user. */
  async function naaToken({ clientId, audience, interactive }) {
    await ready;
    if (!state.user) {
      throw bridgeError(
        'ACCOUNT_UNAVAILABLE',
        'no_account',
        state.problem || 'No sandbox user is signed in.',
      );
    }
    const grant = `${state.user.id}|${clientId}`;
    if (askForConsent && !consented.has(grant)) {
      if (!interactive) {
        throw bridgeError(
          'USER_INTERACTION_REQUIRED',
          'invalid_grant',
          `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}'.`,
          'consent_required',
        );
      }
      if (!(await consentPrompt(clientId)))
        throw bridgeError('USER_CANCEL', 'user_cancel', 'The user cancelled.');
      consented.add(grant);
    }
    const access = await mint(audience);
    // The ID token's claims (iss, aud = the client, tid, oid, sub, preferred_username, name) are what MSAL reads.
    const id = await mint(clientId);
    const claims = claimsOf(id.token);
    return {
      accessToken: access.token,
      idToken: id.token,
      expiresOn: access.expiresOn,
      account: {
        homeAccountId: `${claims.oid}.${claims.tid}`,
        environment: new URL(claims.iss).host,
        tenantId: claims.tid,
        username: claims.preferred_username,
        localAccountId: claims.oid,
        name: claims.name,
      },
    };
  }

  function bridgeError(status, code, description, subError) {
    const error = new Error(description);
    error.bridgeError = { status, code, description, ...(subError ? { subError } : {}) };
    return error;
  }

  // Dialog API: a dialog is a browser window; one at a time, as Office allows.
  const dialogs = {
    current: null,
    open(url, handlers) {
      const opened = window.open(url, 'sendwell-dialog', 'popup,width=520,height=680');
      if (!opened) return null;
      const watch = setInterval(() => {
        if (!opened.closed) return;
        clearInterval(watch);
        if (dialogs.current?.window === opened) dialogs.current = null;
        handlers.onEvent(12006); // the dialog was closed
      }, 250);
      dialogs.current = { window: opened, handlers };
      return {
        close() {
          clearInterval(watch);
          dialogs.current = null;
          opened.close();
        },
      };
    },
    messageParent(message) {
      dialogs.current?.handlers.onMessage(message);
    },
  };

  const ready = Promise.all([usersLoaded, domReady]);
  /** item.close(): the compose window goes away; the sandbox says so and offers a new message. */
  function closeDraft() {
    const main = document.querySelector('main');
    const notice = document.createElement('section');
    notice.className = 'closed';
    notice.dataset.testid = 'host-closed';
    notice.setAttribute('aria-label', 'Message closed');
    const text = document.createElement('p');
    text.textContent = 'The message was closed by the add-in.';
    const again = document.createElement('a');
    again.href = location.href;
    again.textContent = 'New message';
    notice.append(text, again);
    main.replaceChildren(notice);
  }

  // `?naa=0`: an Outlook without NestedAppAuth 1.1, so the pane takes its dialog fallback.
  const naaSupported = query.get('naa') !== '0';
  const Office = window.SendwellFakeOffice.createFakeOffice({
    fields,
    profile,
    ready,
    sessionData,
    displayLanguage,
    close: closeDraft,
    isInternal: (address) => domain(address) === domain(profile.emailAddress),
    naa: naaSupported ? { token: naaToken } : null,
    dialogs,
    origin: location.origin,
  });
  /** What office.js does when it loads into the pane: install the NAA bridge on its window. */
  function attach(paneWindow) {
    if (naaSupported)
      paneWindow.nestedAppAuthBridge = window.SendwellNaaBridge.createNestedAppAuthBridge({
        token: naaToken,
      });
  }
  window.__sendwellSandboxOffice = { version: 2, Office, attach };

  function reloadPane() {
    const frame = byTestId('taskpane-frame');
    try {
      frame.contentWindow.location.reload();
    } catch {
      frame.src = frame.getAttribute('src');
    }
  }

  function showStatus() {
    const status = byTestId('host-status');
    status.textContent =
      state.problem ||
      `Signed in as ${profile.displayName} <${profile.emailAddress}> · account type ${profile.accountType}`;
    status.dataset.state = state.problem ? 'error' : 'ready';
  }

  function fillUserPicker() {
    const picker = byTestId('host-user');
    picker.replaceChildren(
      ...state.users.map((user) => {
        const option = document.createElement('option');
        option.value = user.id;
        option.textContent = `${user.name} <${user.email}>`;
        return option;
      }),
    );
    picker.value = state.user ? state.user.id : '';
    picker.addEventListener('change', () => {
      choose(picker.value);
      sessionData.clear(); // another mailbox: not the draft the pane remembered
      showStatus();
      reloadPane(); // a new identity means a new token and profile: start the pane afresh
    });
  }

  function wireAccountType() {
    const picker = byTestId('host-account-type');
    picker.value = profile.accountType;
    picker.addEventListener('change', () => {
      profile.accountType = picker.value;
      showStatus();
      reloadPane();
    });
  }

  ready.then(() => {
    fillUserPicker();
    wireAccountType();
    showStatus();
    document.addEventListener('selectionchange', () => {
      const selection = document.getSelection();
      if (selection?.rangeCount && bodyElement().contains(selection.anchorNode)) {
        state.lastRange = selection.getRangeAt(0).cloneRange();
      }
    });
  });
})();
