import { rewriteLinks, withOpenPixel } from '@sendwell/core';
import { findBounceRules } from '../store/bounceRules';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { clickToken, openToken } from './tokens';

/**
 * Engagement tracking at send time, only when the send's team turned it on (team bounce rules
 * `trackClicks` / `trackOpens`, both off by default): links rewritten to signed redirects
 * (`/t/c/<token>`) and an open pixel (`/t/o/<token>.gif`) appended. Links to our own server (the
 * unsubscribe link) stay as they are. With both switches off the html is returned unchanged.
 */
export async function trackedHtml(
  db: Db,
  options: { baseUrl: string; secret: Buffer },
  send: SendRow,
  html: string,
): Promise<string> {
  if (!html) return html;
  const [user] = await db.query<{ tenant_id: string }>('select tenant_id from users where id = $1', [
    send.userId,
  ]);
  if (!user) return html;
  const rules = await findBounceRules(db, user.tenant_id);
  if (!rules.trackClicks && !rules.trackOpens) return html;
  const base = options.baseUrl.replace(/\/+$/, '');
  let out = html;
  if (rules.trackClicks)
    out = rewriteLinks(out, (url) => `${base}/t/c/${clickToken(options.secret, send.id, url)}`, {
      keep: (url) => url.startsWith(`${base}/`),
    }).html;
  if (rules.trackOpens) out = withOpenPixel(out, `${base}/t/o/${openToken(options.secret, send.id)}.gif`);
  return out;
}
