import { compareArrival, lowerBound } from '../mail/order';
import type { MailboxState, StoredMessage } from '../mail/store';
import { searchViewOf } from './messageResource';
import { compileQuery, queryHints } from './query';

/** Where a listing goes on: after (older than) this message, with how many were returned before. */
interface ListCursor {
  t: number;
  s: number;
  n: number;
}

function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string | undefined): ListCursor | null {
  if (!token) return null;
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ListCursor;
    return Number.isFinite(c.t) && Number.isFinite(c.s) && Number.isFinite(c.n) ? c : null;
  } catch {
    return null;
  }
}

interface ListRequest {
  q: string | undefined;
  labelIds: string[];
  pageToken: string | undefined;
  size: number;
  now: Date;
}

interface ListPage {
  page: StoredMessage[];
  next?: string;
  resultSizeEstimate: number;
}

/** Newest first, starting strictly older than the cursor. */
function* newestFirst(
  box: MailboxState,
  cursor: ListCursor | null,
  ids?: string[],
): Generator<StoredMessage> {
  if (ids) {
    const found = ids.flatMap((id) => box.byInternetId.get(`<${id}>`) ?? []);
    const older = (m: StoredMessage) =>
      !cursor || compareArrival(m, { receivedAt: new Date(cursor.t), seq: cursor.s }) < 0;
    yield* found.filter(older).sort((a, b) => compareArrival(b, a));
    return;
  }
  const start = cursor
    ? lowerBound(box.byTime, (m) => compareArrival(m, { receivedAt: new Date(cursor.t), seq: cursor.s }) < 0)
    : box.byTime.length;
  for (let i = start - 1; i >= 0; i--) yield box.byTime[i]!;
}

/**
 * users.messages.list, O(page) per call: newest first from a binary-searched cursor; `q` time terms
 * stop the walk early and `rfc822msgid:` looks up the Message-ID index. A full page always carries a
 * nextPageToken (the next page may be empty), so no call walks past its page to find out.
 * `resultSizeEstimate` is exact without filters, otherwise what was returned so far (Gmail calls it
 * an estimate too).
 */
export function listMessages(box: MailboxState, request: ListRequest): ListPage {
  const cursor = decodeCursor(request.pageToken);
  const matcher = compileQuery(request.q, request.now);
  const hints = queryHints(request.q, request.now);
  const page: StoredMessage[] = [];
  for (const m of newestFirst(box, cursor, hints.messageIds)) {
    if (hints.notBefore !== undefined && m.receivedAt.getTime() < hints.notBefore) break;
    if (!request.labelIds.every((l) => m.labelIds.includes(l)) || !matcher(searchViewOf(m))) continue;
    page.push(m);
    if (page.length === request.size) break;
  }
  const seen = (cursor?.n ?? 0) + page.length;
  const last = page[page.length - 1];
  const full = page.length === request.size && last !== undefined;
  const unfiltered = !request.q?.trim() && request.labelIds.length === 0;
  return {
    page,
    ...(full ? { next: encodeCursor({ t: last.receivedAt.getTime(), s: last.seq, n: seen }) } : {}),
    resultSizeEstimate: unfiltered ? box.byTime.length : seen,
  };
}

interface HistoryPage {
  records: { id: number; message: StoredMessage }[];
  next?: string;
}

/** users.history.list, O(page): a binary search to the start id, then the page; the token is the last id returned. */
export function historyAfter(
  box: MailboxState,
  startId: number,
  options: { labelId: string | undefined; pageToken: string | undefined; size: number },
): HistoryPage {
  const after = Math.max(
    startId,
    Number(Buffer.from(options.pageToken ?? '', 'base64url').toString('utf8')) || 0,
  );
  const from = Math.max(
    box.historyStart,
    lowerBound(box.history, (h) => h.id <= after),
  );
  const records: HistoryPage['records'] = [];
  for (let i = from; i < box.history.length; i++) {
    const record = box.history[i]!;
    const message = box.byId.get(record.messageId);
    if (!message || (options.labelId && !message.labelIds.includes(options.labelId))) continue;
    records.push({ id: record.id, message });
    if (records.length === options.size) {
      const more = i + 1 < box.history.length;
      return more ? { records, next: Buffer.from(String(record.id)).toString('base64url') } : { records };
    }
  }
  return { records };
}
