import { ApiError } from '../../services/errors';

/**
 * Cursors of in-memory lists (a user's templates, analytics rows): the offset of the next item,
 * base64url-encoded so clients treat it as opaque. Lists backed by a table page by id instead.
 */
function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = Buffer.from(cursor, 'base64url')
    .toString()
    .match(/^o:(\d{1,9})$/);
  if (!match) throw badCursor();
  return Number(match[1]);
}

/** One page of `items` after the cursor's offset. */
export function pageOfList<T>(items: readonly T[], cursor: string | undefined, limit: number) {
  const offset = decodeOffsetCursor(cursor);
  const end = offset + limit;
  return { items: items.slice(offset, end), nextCursor: end < items.length ? encodeOffsetCursor(end) : null };
}

/** Cursors of id-ordered tables: the last id of the page (a positive integer). */
export function encodeIdCursor(id: number): string {
  return Buffer.from(`i:${id}`).toString('base64url');
}

export function decodeIdCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  const match = Buffer.from(cursor, 'base64url')
    .toString()
    .match(/^i:(\d{1,15})$/);
  if (!match) throw badCursor();
  return Number(match[1]);
}

const badCursor = () =>
  new ApiError(
    400,
    'invalid-cursor',
    "The cursor is not one this server gave out: pass the previous page's nextCursor, or none for the first page.",
  );
