import type { AddonResponse, Card, DraftUpdate } from './types';

/** Trigger answer: show this card. */
export function pushCard(card: Card): AddonResponse {
  return { renderActions: { action: { navigations: [{ pushCard: card }] } } };
}

/** Action answer: replace the current card, optionally with a toast. */
export function updateCard(card: Card, notification?: string): AddonResponse {
  return {
    renderActions: {
      action: {
        navigations: [{ updateCard: card }],
        ...(notification ? { notification: { text: notification } } : {}),
      },
    },
  };
}

export function notify(text: string): AddonResponse {
  return { renderActions: { action: { notification: { text } } } };
}

/** Insert HTML at the cursor of the open draft (and set the subject); a toast may ride along. */
export function updateDraft(
  insert: { html: string; subject?: string },
  notification?: string,
): AddonResponse {
  const markup: DraftUpdate = {
    updateBody: {
      insertContents: [{ content: insert.html, contentType: 'MUTABLE_HTML' }],
      type: 'IN_PLACE_INSERT',
    },
    ...(insert.subject !== undefined ? { updateSubject: { subject: insert.subject } } : {}),
  };
  return {
    renderActions: {
      hostAppAction: { gmailAction: { updateDraftActionMarkup: markup } },
      ...(notification ? { action: { notification: { text: notification } } } : {}),
    },
  };
}
