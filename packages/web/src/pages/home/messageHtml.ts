import { escapeHtml } from '@sendwell/core';

/**
 * A plain-text message as the HTML body a send carries: escaped, blank lines start a paragraph,
 * single line breaks stay line breaks. Merge tags (`{{recipient.firstName}}`) pass through as text.
 */
export function messageHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** "a@x.test, b@y.test; c@z.test" → the addresses, in order, without empties. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}
