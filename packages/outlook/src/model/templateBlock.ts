/**
 * The template text the pane inserts is wrapped in one marked block, so inserting again (another
 * template, or "Merge again" for new recipients) replaces it instead of adding a second copy.
 */
export const BLOCK_ATTRIBUTE = 'data-sendwell-template';

export function markedBlock(templateId: string, html: string): string {
  const id = templateId.replace(/[^\w-]/g, '');
  return `<div ${BLOCK_ATTRIBUTE}="${id}">${html}</div>`;
}

/**
 * The body with its marked block replaced by `block`, or null when the body has none (the rep
 * deleted it, or the host dropped the attribute): the caller then inserts at the cursor.
 */
export function replaceMarkedBlock(bodyHtml: string, block: string): string | null {
  const doc = new DOMParser().parseFromString(bodyHtml, 'text/html');
  const existing = doc.body.querySelector(`[${BLOCK_ATTRIBUTE}]`);
  if (!existing) return null;
  const replacement = doc.createElement('template');
  replacement.innerHTML = block;
  existing.replaceWith(replacement.content);
  // Outlook hands the body over as a whole document; give back the same shape we were given.
  return /<html[\s>]/i.test(bodyHtml) ? doc.documentElement.outerHTML : doc.body.innerHTML;
}

/** The body as it goes out: the marker is the pane's bookkeeping, not the rep's text (nothing visible changes). */
export function withoutMarkers(bodyHtml: string): string {
  return bodyHtml.replace(new RegExp(`\\s${BLOCK_ATTRIBUTE}="[\\w-]*"`, 'g'), '');
}
