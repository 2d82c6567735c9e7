// The fake Outlook compose window at /sandbox/outlook: wires the page's fields to a fake `Office`
// (fakeOffice.js) and hands it to the Sendwell pane in the iframe through the handshake the pane
// adopts with ?sandbox=1: `window.__sendwellSandboxOffice = {version: 1, Office, getAccessToken}`.
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

  function tokenExpiry(token) {
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return payload.exp * 1000;
    } catch {
      return Date.now() + 60000;
    }
  }

  /** A Microsoft access token for the chosen user, from the sandbox's dev token endpoint. */
  async function getAccessToken(request) {
    await ready;
    if (!state.user) throw new Error(state.problem || 'No sandbox user is signed in.');
    const key = `${state.user.id}|${request.audience}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresAt - 60000 > Date.now()) return cached.token;
    const response = await fetch(`${config.devBase}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: state.user.id, kind: 'microsoft-access', audience: request.audience }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.token !== 'string') {
      throw new Error(body.error?.message || `The sandbox token endpoint answered ${response.status}.`);
    }
    tokens.set(key, { token: body.token, expiresAt: tokenExpiry(body.token) });
    return body.token;
  }

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

  const Office = window.SendwellFakeOffice.createFakeOffice({
    fields,
    profile,
    ready,
    sessionData,
    displayLanguage,
    close: closeDraft,
    isInternal: (address) => domain(address) === domain(profile.emailAddress),
  });
  window.__sendwellSandboxOffice = { version: 1, Office, getAccessToken };

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
