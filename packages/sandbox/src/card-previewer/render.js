// Renders Workspace add-on card JSON (google.apps.card.v1 subset) to HTML strings. Plain ES module so
// the browser loads it as is and vitest tests it in Node. Widget test ids follow the README rules.

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

/** `feed-item--3` → test id `feed-item`, key `3`. */
export function splitWidgetId(id) {
  const at = id.indexOf('--');
  return at < 0 ? { testId: id, key: '' } : { testId: id.slice(0, at), key: id.slice(at + 2) };
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
  return String(text ?? 'button')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function testIdAttrs(widget, fallback) {
  if (widget.id) {
    const { testId, key } = splitWidgetId(widget.id);
    return ` data-testid="${escapeAttr(testId)}"${key ? ` data-key="${escapeAttr(key)}"` : ''}`;
  }
  return fallback ? ` data-testid="${escapeAttr(fallback)}"` : '';
}

function renderButton(button, actions) {
  const index = actions.push(button.onClick ?? null) - 1;
  const disabled = button.disabled ? ' disabled' : '';
  const testId = actionTestId(button.onClick, button.text);
  return `<button type="button" class="card-button" data-testid="${escapeAttr(testId)}" data-action-index="${index}"${disabled}>${sanitizeCardText(button.text)}</button>`;
}

function renderDecorated(widget, actions) {
  const d = widget.decoratedText;
  const part = (cls, text) => (text ? `<div class="${cls}">${sanitizeCardText(text)}</div>` : '');
  const button = d.button ? renderButton(d.button, actions) : '';
  const click = d.onClick ? ` data-action-index="${actions.push(d.onClick) - 1}"` : '';
  return `<div class="w-decorated"${testIdAttrs(widget)}${click}>${part('top-label', d.topLabel)}${part('text', d.text)}${part('bottom-label', d.bottomLabel)}${button}</div>`;
}

function renderSelection(widget) {
  const s = widget.selectionInput;
  const name = escapeAttr(s.name);
  const attrs = testIdAttrs(widget, s.name);
  const items = s.items ?? [];
  if (s.type === 'DROPDOWN' || !s.type) {
    const options = items
      .map(
        (i) =>
          `<option value="${escapeAttr(i.value)}"${i.selected ? ' selected' : ''}>${sanitizeCardText(i.text)}</option>`,
      )
      .join('');
    return `<label class="w-selection">${sanitizeCardText(s.label)}<select data-input-name="${name}"${attrs}>${options}</select></label>`;
  }
  const type = s.type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
  const boxes = items
    .map(
      (i) =>
        `<label><input type="${type}" name="${name}" data-input-name="${name}" value="${escapeAttr(i.value)}"${i.selected ? ' checked' : ''}>${sanitizeCardText(i.text)}</label>`,
    )
    .join('');
  return `<fieldset class="w-selection"${attrs}><legend>${sanitizeCardText(s.label)}</legend>${boxes}</fieldset>`;
}

function renderTextInput(widget) {
  const t = widget.textInput;
  const common = `data-input-name="${escapeAttr(t.name)}"${testIdAttrs(widget, t.name)}`;
  const field =
    t.type === 'MULTIPLE_LINE'
      ? `<textarea ${common}>${escapeAttr(t.value ?? '')}</textarea>`
      : `<input type="text" ${common} value="${escapeAttr(t.value ?? '')}">`;
  return `<label class="w-text-input">${sanitizeCardText(t.label)}${field}</label>`;
}

function renderWidget(widget, actions) {
  if (widget.textParagraph)
    return `<p class="w-paragraph"${testIdAttrs(widget)}>${sanitizeCardText(widget.textParagraph.text)}</p>`;
  if (widget.decoratedText) return renderDecorated(widget, actions);
  if (widget.selectionInput) return renderSelection(widget);
  if (widget.textInput) return renderTextInput(widget);
  if (widget.buttonList)
    return `<div class="w-buttons"${testIdAttrs(widget)}>${widget.buttonList.buttons.map((b) => renderButton(b, actions)).join('')}</div>`;
  if (widget.divider) return '<hr class="w-divider">';
  const kind = Object.keys(widget).find((k) => k !== 'id' && k !== 'horizontalAlignment') ?? 'unknown';
  return `<div class="w-unsupported">Unsupported widget: ${escapeAttr(kind)}</div>`;
}

/**
 * Card JSON → `{ html, actions }`; every clickable element carries `data-action-index` into
 * `actions` (the widget's `onClick`), which the page turns into an add-on callback.
 */
export function renderCard(card) {
  const actions = [];
  const header = card.header
    ? `<header class="card-header"><div class="card-title">${sanitizeCardText(card.header.title)}</div>${card.header.subtitle ? `<div class="card-subtitle">${sanitizeCardText(card.header.subtitle)}</div>` : ''}</header>`
    : '';
  const sections = (card.sections ?? [])
    .map((section) => {
      const title = section.header
        ? `<h3 class="section-header">${sanitizeCardText(section.header)}</h3>`
        : '';
      return `<section class="card-section">${title}${(section.widgets ?? []).map((w) => renderWidget(w, actions)).join('')}</section>`;
    })
    .join('');
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
