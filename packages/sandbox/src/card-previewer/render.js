// Renders Workspace add-on card JSON (google.apps.card.v1 subset) to HTML strings. Plain ES module so
// the browser loads it as is and vitest tests it in Node. Google's schema gives Gmail add-on widgets
// no `id`, so every test hook comes from a field the schema does define (see README.md).

const ALLOWED_TAGS = /<(?!\/?(?:b|i|u|s|br)\s*\/?>)/gi;

/** Card text is a small HTML subset: keep b/i/u/s/br, neutralise every other tag. */
export function sanitizeCardText(text) {
  return String(text ?? '').replace(ALLOWED_TAGS, '&lt;');
}

export function escapeAttr(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** What a person reads of card text (tags dropped, entities decoded): the value of the text hooks. */
export function plainCardText(text) {
  return String(text ?? '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
    })
    .trim();
}

/** A button's test id: the `a=` action name of its callback URL, else its text in kebab case. */
export function actionTestId(onClick, text) {
  const fn = onClick?.action?.function;
  if (fn) {
    try {
      const name = new URL(fn, 'http://previewer.invalid').searchParams.get('a');
      if (name) return name;
    } catch {
      // not a URL: fall through to the text
    }
  }
  return plainCardText(text || 'button')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An `OpenLink` (a button's `onClick.openLink`, or a response's `action.link`) as the previewer opens
 * it: the URL, a popup for `openAs: 'OVERLAY'`, and whether Gmail reloads the add-on once it closes.
 */
export function openLinkOf(link) {
  if (!link?.url) return null;
  return { url: link.url, popup: link.openAs === 'OVERLAY', reloadOnClose: link.onClose === 'RELOAD' };
}

/**
 * Calls `onClosed` once, after `win` closes. No event tells an opener that its popup closed, so it
 * polls `closed` (readable across origins), as Gmail must. `every` schedules the check (tests pass a
 * manual one); answers a function that stops watching.
 */
export function whenClosed(win, onClosed, every = (check) => setInterval(check, 250), stop = clearInterval) {
  let done = false;
  const timer = every(() => {
    if (done || !win.closed) return;
    done = true;
    stop(timer);
    onClosed();
  });
  return () => {
    done = true;
    stop(timer);
  };
}

function renderButton(button, actions) {
  const index = actions.push(button.onClick ?? null) - 1;
  const disabled = button.disabled ? ' disabled' : '';
  const testId = actionTestId(button.onClick, button.text);
  const link = openLinkOf(button.onClick?.openLink);
  // A link button says where it goes and whether the add-on reloads when that window closes.
  const linkAttrs = link
    ? ` data-open-link="${escapeAttr(link.url)}" data-on-close="${link.reloadOnClose ? 'RELOAD' : 'NOTHING'}"`
    : '';
  return `<button type="button" class="card-button" data-testid="${escapeAttr(testId)}" data-action-index="${index}"${linkAttrs}${disabled}>${sanitizeCardText(button.text)}</button>`;
}

function renderDecorated(widget, actions) {
  const d = widget.decoratedText;
  const part = (cls, text) => (text ? `<div class="${cls}">${sanitizeCardText(text)}</div>` : '');
  const button = d.button ? renderButton(d.button, actions) : '';
  // A clickable decoratedText is a button for keyboards and screen readers too (client.js handles keys).
  const click = d.onClick
    ? ` role="button" tabindex="0" data-action-index="${actions.push(d.onClick) - 1}"`
    : '';
  const label = d.topLabel ? ` data-top-label="${escapeAttr(plainCardText(d.topLabel))}"` : '';
  return `<div class="w-decorated" data-widget="decoratedText"${label}${click}>${part('top-label', d.topLabel)}${part('text', d.text)}${part('bottom-label', d.bottomLabel)}${button}</div>`;
}

/** Form inputs are found by their `name`, which the add-on also reads back from `formInputs`. */
const inputAttrs = (name) => `data-input-name="${escapeAttr(name)}" data-testid="${escapeAttr(name)}"`;

/** An input's `onChangeAction` runs when its value changes (not on click, as buttons do). */
const changeAttr = (onChangeAction, actions) =>
  onChangeAction?.function
    ? ` data-change-action-index="${actions.push({ action: onChangeAction }) - 1}"`
    : '';

function renderSelection(widget, actions) {
  const s = widget.selectionInput;
  const items = s.items ?? [];
  const change = changeAttr(s.onChangeAction, actions);
  if (s.type === 'DROPDOWN' || !s.type) {
    const options = items
      .map(
        (i) =>
          `<option value="${escapeAttr(i.value)}"${i.selected ? ' selected' : ''}>${sanitizeCardText(i.text)}</option>`,
      )
      .join('');
    return `<label class="w-selection" data-widget="selectionInput">${sanitizeCardText(s.label)}<select ${inputAttrs(s.name)}${change}>${options}</select></label>`;
  }
  const type = s.type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
  const name = escapeAttr(s.name);
  const boxes = items
    .map(
      (i) =>
        `<label><input type="${type}" name="${name}" data-input-name="${name}" value="${escapeAttr(i.value)}"${i.selected ? ' checked' : ''}>${sanitizeCardText(i.text)}</label>`,
    )
    .join('');
  return `<fieldset class="w-selection" data-widget="selectionInput" data-testid="${name}"${change}><legend>${sanitizeCardText(s.label)}</legend>${boxes}</fieldset>`;
}

function renderTextInput(widget, actions) {
  const t = widget.textInput;
  const attrs = `${inputAttrs(t.name)}${changeAttr(t.onChangeAction, actions)}`;
  const field =
    t.type === 'MULTIPLE_LINE'
      ? `<textarea ${attrs}>${escapeAttr(t.value ?? '')}</textarea>`
      : `<input type="text" ${attrs} value="${escapeAttr(t.value ?? '')}">`;
  return `<label class="w-text-input" data-widget="textInput">${sanitizeCardText(t.label)}${field}</label>`;
}

/** A DATE_AND_TIME picker's `valueMsEpoch` as a datetime-local value: the wall time in its offset. */
export function dateTimeLocalValue(ms, offsetMinutes) {
  if (ms === undefined || ms === null || ms === '') return '';
  const wall = new Date(Number(ms) + Number(offsetMinutes ?? 0) * 60_000);
  return Number.isNaN(wall.getTime()) ? '' : wall.toISOString().slice(0, 16);
}

/** The instant a datetime-local value means in that offset: what Gmail answers as `msSinceEpoch`. */
export function dateTimeLocalMs(value, offsetMinutes) {
  // Only what a datetime-local input holds (V8's Date.parse accepts almost anything otherwise).
  const wall = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value ?? '') ? Date.parse(`${value}:00Z`) : Number.NaN;
  return Number.isNaN(wall) ? null : wall - Number(offsetMinutes ?? 0) * 60_000;
}

/** `dateTimePicker` (DATE_AND_TIME): shown in `timezoneOffsetDate`, else the browser's offset. */
function renderDateTime(widget) {
  const d = widget.dateTimePicker;
  const offset = d.timezoneOffsetDate ?? -new Date().getTimezoneOffset();
  const value = escapeAttr(dateTimeLocalValue(d.valueMsEpoch, offset));
  return `<label class="w-datetime" data-widget="dateTimePicker">${sanitizeCardText(d.label)}<input type="datetime-local" ${inputAttrs(d.name)} data-input-kind="dateTime" data-tz-offset="${Number(offset)}" value="${value}"></label>`;
}

function renderWidget(widget, actions) {
  if (widget.textParagraph)
    return `<p class="w-paragraph" data-widget="textParagraph">${sanitizeCardText(widget.textParagraph.text)}</p>`;
  if (widget.decoratedText) return renderDecorated(widget, actions);
  if (widget.selectionInput) return renderSelection(widget, actions);
  if (widget.textInput) return renderTextInput(widget, actions);
  if (widget.dateTimePicker?.type === 'DATE_AND_TIME') return renderDateTime(widget);
  if (widget.buttonList)
    return `<div class="w-buttons" data-widget="buttonList">${widget.buttonList.buttons.map((b) => renderButton(b, actions)).join('')}</div>`;
  if (widget.divider) return '<hr class="w-divider" data-widget="divider">';
  const kind = Object.keys(widget).find((k) => k !== 'id' && k !== 'horizontalAlignment') ?? 'unknown';
  return `<div class="w-unsupported">Unsupported widget: ${escapeAttr(kind)}</div>`;
}

/** A section with a header is a named region (`getByRole('region', { name })`), like a card's part. */
function renderSection(section, index, actions) {
  const widgets = (section.widgets ?? []).map((w) => renderWidget(w, actions)).join('');
  if (!section.header) return `<section class="card-section">${widgets}</section>`;
  const id = `card-section-${index}`;
  const name = escapeAttr(plainCardText(section.header));
  return `<section class="card-section" aria-labelledby="${id}" data-section-header="${name}"><h3 class="section-header" id="${id}">${sanitizeCardText(section.header)}</h3>${widgets}</section>`;
}

/**
 * Card JSON → `{ html, actions }`; every clickable element carries `data-action-index` into
 * `actions` (the widget's `onClick`), which the page turns into an add-on callback.
 */
export function renderCard(card) {
  const actions = [];
  const header = card.header
    ? `<header class="card-header"><h2 class="card-title">${sanitizeCardText(card.header.title)}</h2>${card.header.subtitle ? `<div class="card-subtitle">${sanitizeCardText(card.header.subtitle)}</div>` : ''}</header>`
    : '';
  const sections = (card.sections ?? []).map((section, i) => renderSection(section, i, actions)).join('');
  return {
    html: `<div class="card" data-testid="card" data-card-name="${escapeAttr(card.name ?? '')}">${header}${sections}</div>`,
    actions,
  };
}

/** Normalises any add-on answer to `{ action, hostAppAction }` (with or without `renderActions`). */
export function unwrapResponse(response) {
  if (!response || typeof response !== 'object') return { action: null, hostAppAction: null };
  const render = response.renderActions ?? response;
  if (render.sections) return { action: { navigations: [{ pushCard: render }] }, hostAppAction: null };
  return { action: render.action ?? null, hostAppAction: render.hostAppAction ?? null };
}

/** `updateDraftActionMarkup` from either host-action spelling. */
export function draftUpdateOf(hostAppAction) {
  return (
    hostAppAction?.gmailAction?.updateDraftActionMarkup ??
    hostAppAction?.editorAction?.updateDraftActionMarkup ??
    null
  );
}

/** Applies navigations to a card stack and returns the new stack. */
export function navigate(stack, navigations) {
  let next = [...stack];
  for (const nav of navigations ?? []) {
    if (nav.pushCard) next.push(nav.pushCard);
    else if (nav.updateCard) next = [...next.slice(0, -1), nav.updateCard];
    else if (nav.pop) next = next.slice(0, Math.max(1, next.length - 1));
    else if (nav.popToRoot) next = next.slice(0, 1);
    else if (nav.popToCard) {
      const at = next.findIndex((c) => c.name === nav.popToCard);
      if (at >= 0) next = next.slice(0, at + 1);
    }
  }
  return next;
}
