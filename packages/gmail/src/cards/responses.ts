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

/**
 * Insert HTML at the cursor of the open draft (`IN_PLACE_INSERT`: it replaces a selection, so "Insert
 * again" over the selected old text does not duplicate it) and set the subject; the compose card is
 * updated alongside so it remembers whom the merge was made for.
 */
export function updateDraft(
  insert: { html: string; subject?: string },
  follow: { card?: Card; notification?: string } = {},
): AddonResponse {
  const markup: DraftUpdate = {
    updateBody: {
      insertContents: [{ content: insert.html, contentType: 'MUTABLE_HTML' }],
      type: 'IN_PLACE_INSERT',
    },
    ...(insert.subject !== undefined ? { updateSubject: { subject: insert.subject } } : {}),
  };
  const { card, notification } = follow;
  return {
    renderActions: {
      hostAppAction: { gmailAction: { updateDraftActionMarkup: markup } },
      ...(card || notification
        ? {
            action: {
              ...(card ? { navigations: [{ updateCard: card }] } : {}),
              ...(notification ? { notification: { text: notification } } : {}),
            },
          }
        : {}),
    },
  };
}
