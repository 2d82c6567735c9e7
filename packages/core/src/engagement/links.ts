/**
 * Click tracking rewrites the links of an email's HTML to signed redirects. Only `<a href>` links to
 * http(s) pages are touched: never `mailto:`/`tel:`, never in-page anchors, never the links a
 * caller keeps (our own unsubscribe link must reach the recipient as it is, RFC 8058).
 */

const ANCHOR_HREF = /(<a\b[^>]*?\shref\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decodeAttribute = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_whole, name: string) => ENTITIES[name]!);
const encodeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Whether a link may be tracked: absolute http(s) URLs only. */
export function isTrackableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface RewriteOptions {
  /** Links to leave alone (e.g. the unsubscribe link, or anything on our own server). */
  keep?: (url: string) => boolean;
}

/**
 * Every trackable `<a href>` in `html` replaced by `sign(url)` (the original URL as written, entities
 * decoded); everything else byte for byte as it was. Returns the html and how many links changed.
 */
export function rewriteLinks(
  html: string,
  sign: (url: string) => string,
  options: RewriteOptions = {},
): { html: string; rewritten: number } {
  let rewritten = 0;
  const out = html.replace(
    ANCHOR_HREF,
    (whole, prefix: string, _value, dq?: string, sq?: string, bare?: string) => {
      const url = decodeAttribute((dq ?? sq ?? bare ?? '').trim());
      if (!isTrackableUrl(url) || options.keep?.(url)) return whole;
      rewritten++;
      return `${prefix}"${encodeAttribute(sign(url))}"`;
    },
  );
  return { html: out, rewritten };
}

/**
 * The open pixel: a 1×1 image just before `</body>` (or at the end). Blank `alt` and
 * `aria-hidden`, so a screen reader never announces it.
 */
export function withOpenPixel(html: string, pixelUrl: string): string {
  const img = `<img src="${encodeAttribute(pixelUrl)}" width="1" height="1" alt="" aria-hidden="true" style="display:block;width:1px;height:1px;border:0">`;
  const close = html.search(/<\/body\s*>/i);
  return close === -1 ? `${html}${img}` : `${html.slice(0, close)}${img}${html.slice(close)}`;
}
