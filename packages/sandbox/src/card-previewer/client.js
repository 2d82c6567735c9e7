// The card previewer page: a fake Gmail window that calls the Sendwell add-on the way Gmail does
// (event object + Google ID tokens from the sandbox's dev token endpoint) and renders the answers.
import { draftRaw, splitRecipients } from './draft.js';
import {
  dateTimeLocalMs,
  draftUpdateOf,
  navigate,
  openLinkOf,
  renderCard,
  unwrapResponse,
  whenClosed,
} from './render.js';

const config = JSON.parse(document.getElementById('previewer-config').textContent);
const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);
const state = { trigger: null, stack: [], actions: [], range: null, busy: false };

async function devToken(kind, audience) {
  const userId = $('user-picker').value;
  const res = await fetch(`${config.devBase}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, kind, ...(audience ? { audience } : {}) }),
  });
  if (!res.ok) throw new Error(`The sandbox refused a ${kind} token (${res.status}).`);
  return (await res.json()).token;
}

/** Gmail saves the compose window as a draft; the previewer does so before each add-on call. */
const saved = { id: null, content: null };

function draftFields() {
  const value = (id) => $(id).value;
  return {
    to: value('draft-to'),
    cc: value('draft-cc'),
    bcc: value('draft-bcc'),
    subject: value('draft-subject'),
    html: $('draft-body').innerHTML,
  };
}

async function gmailApi(method, path, body) {
  const token = await devToken('google-access');
  const res = await fetch(`${config.gmailApiBase}/gmail/v1/users/me/drafts${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/**
 * Create or update the saved draft when the window changed since the last save. An unchanged
 * window whose draft is gone (sent, or deleted) stays unsaved, as Gmail does not resurrect it.
 */
async function saveDraft() {
  const fields = draftFields();
  const content = JSON.stringify([$('user-picker').value, fields]);
  if (content === saved.content) return;
  const window = $('draft-window');
  window.dataset.draftState = 'saving';
  const message = { message: { raw: draftRaw(fields) } };
  let res = saved.id ? await gmailApi('PUT', `/${saved.id}`, { id: saved.id, ...message }) : null;
  if (!res || res.status === 404) res = await gmailApi('POST', '', message);
  if (res.status !== 200) {
    window.dataset.draftState = 'error';
    throw new Error(`Gmail did not save the draft: ${res.json?.error?.message ?? res.status}`);
  }
  saved.id = res.json.id;
  saved.content = content;
  window.dataset.draftId = saved.id;
  window.dataset.draftState = 'saved';
}

function formInputs() {
  const inputs = {};
  for (const el of document.querySelectorAll('[data-testid="card-host"] [data-input-name]')) {
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    const name = el.dataset.inputName;
    if (el.dataset.inputKind === 'dateTime') {
      // Gmail answers a date-time picker as an instant (int64 ms, a string in JSON); empty: absent.
      const ms = dateTimeLocalMs(el.value, el.dataset.tzOffset);
      if (ms !== null)
        inputs[name] = { dateTimeInput: { msSinceEpoch: String(ms), hasDate: true, hasTime: true } };
      continue;
    }
    inputs[name] ??= { stringInputs: { value: [] } };
    inputs[name].stringInputs.value.push(el.value);
  }
  return inputs;
}

function gmailContext() {
  if (state.trigger === 'compose') {
    const [to, cc, bcc] = ['draft-to', 'draft-cc', 'draft-bcc'].map((id) => splitRecipients($(id).value));
    return { toRecipients: to, ccRecipients: cc, bccRecipients: bcc };
  }
  if (state.trigger === 'open') {
    // `?messageId=<Gmail message id>` opens that message of the rep's sandbox mailbox (e.g. a notice).
    const messageId = new URLSearchParams(location.search).get('messageId') ?? 'msg-f:1';
    return { messageId, threadId: 'thread-f:1', accessToken: 'previewer-message-token' };
  }
  return undefined;
}

async function buildEvent(audience, parameters) {
  const [userIdToken, systemIdToken] = await Promise.all([
    devToken('google-id', config.userAudience),
    devToken('google-system-id', audience),
  ]);
  const userOAuthToken = await devToken('google-access').catch(() => undefined);
  const params = Object.fromEntries((parameters ?? []).map((p) => [p.key, p.value]));
  const event = {
    commonEventObject: {
      hostApp: 'GMAIL',
      platform: 'WEB',
      userLocale: navigator.language,
      timeZone: {
        id: Intl.DateTimeFormat().resolvedOptions().timeZone,
        offset: -new Date().getTimezoneOffset() * 60_000,
      },
      formInputs: formInputs(),
      parameters: params,
    },
    authorizationEventObject: { userIdToken, systemIdToken, ...(userOAuthToken ? { userOAuthToken } : {}) },
  };
  const gmail = gmailContext();
  if (gmail) event.gmail = gmail;
  return { event, systemIdToken };
}

/** Post to the add-on like Gmail: same-origin path for the request, configured URL as the token audience. */
async function callAddon(functionUrl, parameters) {
  const url = new URL(functionUrl, location.href);
  const audience = `${url.origin}${url.pathname}`;
  setBusy(true);
  try {
    if (state.trigger === 'compose') await saveDraft();
    const { event, systemIdToken } = await buildEvent(audience, parameters);
    const res = await fetch(`${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${systemIdToken}` },
      body: JSON.stringify(event),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok)
      throw new Error(`The add-on answered ${res.status}: ${json?.error?.message ?? 'no details'}`);
    apply(json);
    if (state.trigger === 'compose') await saveDraft(); // Gmail saves what the add-on inserted too
  } catch (error) {
    showError(error.message);
  } finally {
    setBusy(false);
  }
}

function setBusy(busy) {
  state.busy = busy;
  $('card-host').dataset.state = busy ? 'loading' : 'ready';
  if (busy) $('addon-error').hidden = true;
}

function showError(message) {
  const el = $('addon-error');
  el.textContent = message;
  el.hidden = false;
}

function toast(text) {
  const el = $('notification');
  el.textContent = text;
  el.hidden = false;
}

function showCard() {
  const host = $('card-host');
  const card = state.stack[state.stack.length - 1];
  if (!card) {
    host.innerHTML = '';
    return;
  }
  const { html, actions } = renderCard(card);
  state.actions = actions;
  host.innerHTML = html;
  $('card-json').textContent = JSON.stringify(card, null, 2);
}

function apply(response) {
  const scopes = response?.requesting_google_scopes;
  if (scopes)
    return toast(
      `The add-on asks for more access: ${scopes.all_scopes ? 'all scopes' : (scopes.scopes ?? []).join(', ')}`,
    );
  const { action, hostAppAction } = unwrapResponse(response);
  if (action?.navigations?.length) {
    state.stack = navigate(state.stack, action.navigations);
    showCard();
  }
  if (action?.notification?.text) toast(action.notification.text);
  if (action?.link?.url) openLink(openLinkOf(action.link));
  const update = draftUpdateOf(hostAppAction);
  if (update) applyDraftUpdate(update);
}

/** Gmail sanitises inserted HTML; the previewer at least drops scripts and inline handlers. */
function safeFragment(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const el of doc.querySelectorAll('script,iframe,object,embed,style,link,meta')) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (/^on/i.test(attr.name) || /^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...doc.body.childNodes);
  return fragment;
}

function insertIntoBody(content, contentType, type) {
  const body = $('draft-body');
  const fragment = contentType === 'TEXT' ? document.createTextNode(content) : safeFragment(content);
  const range = state.range && body.contains(state.range.startContainer) ? state.range : null;
  if (type === 'INSERT_AT_START') body.prepend(fragment);
  else if (range && type !== 'INSERT_AT_END') {
    range.deleteContents();
    range.insertNode(fragment);
  } else body.append(fragment);
}

function applyDraftUpdate(update) {
  for (const item of update.updateBody?.insertContents ?? [])
    insertIntoBody(item.content, item.contentType, update.updateBody.type);
  if (update.updateSubject) $('draft-subject').value = update.updateSubject.subject ?? '';
  const list = (entries) => (entries ?? []).map((r) => r.email).join(', ');
  if (update.updateToRecipients) $('draft-to').value = list(update.updateToRecipients.toRecipients);
  if (update.updateCcRecipients) $('draft-cc').value = list(update.updateCcRecipients.ccRecipients);
  if (update.updateBccRecipients) $('draft-bcc').value = list(update.updateBccRecipients.bccRecipients);
}

function fireTrigger(trigger) {
  state.trigger = trigger;
  state.stack = [];
  $('notification').hidden = true;
  $('draft-window').dataset.active = String(trigger === 'compose');
  const url = new URL(config.addonUrl, location.href);
  url.searchParams.set('t', trigger);
  return callAddon(url.toString(), []);
}

async function loadUsers() {
  const res = await fetch(`${config.devBase}/users`);
  const body = await res.json();
  const users = (Array.isArray(body) ? body : (body.users ?? [])).filter((u) => u.provider === 'gmail');
  $('user-picker').innerHTML = users
    .map((u) => `<option value="${u.id}">${u.name} &lt;${u.email}&gt;</option>`)
    .join('');
  $('user-picker').dataset.state = 'ready';
}

/** Runs the card action an element carries: `data-action-index` (clicks) or `data-change-action-index`. */
function runAction(el, index) {
  if (!el || el.disabled || state.busy) return;
  const onClick = state.actions[Number(index)];
  if (onClick?.action?.function) callAddon(onClick.action.function, onClick.action.parameters);
  else if (onClick?.openLink?.url) openLink(openLinkOf(onClick.openLink));
}

/**
 * `OpenLink` as Gmail does it: a popup for OVERLAY (a tab otherwise); with `onClose: 'RELOAD'` the
 * add-on is reloaded — its trigger runs again — once that window closes. `card-host` carries
 * `data-link-window` = `open` / `closed` meanwhile.
 */
function openLink(link) {
  if (!link) return;
  const win = window.open(link.url, 'sendwell-open-link', link.popup ? 'popup,width=520,height=680' : '');
  if (!win) return showError(`The browser blocked the window for ${link.url}.`);
  const host = $('card-host');
  host.dataset.linkWindow = 'open';
  whenClosed(win, () => {
    host.dataset.linkWindow = 'closed';
    if (link.reloadOnClose && state.trigger) fireTrigger(state.trigger);
  });
}

function wire() {
  for (const trigger of ['home', 'compose', 'open'])
    $(`trigger-${trigger}`).addEventListener('click', () => fireTrigger(trigger));
  $('card-host').addEventListener('click', (event) => {
    const el = event.target.closest('[data-action-index]');
    runAction(el, el?.dataset.actionIndex);
  });
  $('card-host').addEventListener('change', (event) => {
    const el = event.target.closest('[data-change-action-index]');
    runAction(el, el?.dataset.changeActionIndex);
  });
  // A clickable decoratedText is a `role="button"` div: Enter and Space press it, as on a button.
  $('card-host').addEventListener('keydown', (event) => {
    if ((event.key !== 'Enter' && event.key !== ' ') || event.target.getAttribute('role') !== 'button')
      return;
    event.preventDefault();
    runAction(event.target, event.target.dataset.actionIndex);
  });
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    if (selection?.rangeCount && $('draft-body').contains(selection.anchorNode))
      state.range = selection.getRangeAt(0).cloneRange();
  });
  $('notification').addEventListener('click', () => ($('notification').hidden = true));
  $('user-picker').addEventListener('change', () => {
    saved.id = null; // another mailbox: its own drafts
    saved.content = null;
  });
}

wire();
loadUsers().catch((error) => showError(`Could not load the sandbox users: ${error.message}`));
