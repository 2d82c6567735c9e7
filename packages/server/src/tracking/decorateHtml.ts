import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';

/**
 * Engagement tracking at send time, only when the send's team turned it on: links rewritten to
 * signed redirects (`/t/c/<token>`), an open pixel (`/t/o/<token>.gif`) appended.
 * STUB: owned by the core/tracking helper (issue 9 design, H1). Returns the html unchanged when off.
 */
export async function trackedHtml(
  _db: Db,
  _options: { baseUrl: string; secret: Buffer },
  _send: SendRow,
  html: string,
): Promise<string> {
  return html;
}
