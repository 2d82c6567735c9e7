import type { Context } from 'hono';
import type { SandboxContext } from '../context';
import { compareArrival } from '../mail/order';
import type { Folder, MailboxState, StoredMessage } from '../mail/store';
import type { SandboxUser } from '../users';
import { graphError } from './errors';
import {
  expandedProperties,
  internetHeaderName,
  internetHeaderProperty,
  parseExpand,
  sameValue,
} from './extendedProperties';
import { messageJson, parseSelect } from './messageJson';

type Predicate = (m: StoredMessage) => boolean;

/**
 * The `$filter` clauses reconcile needs, in Graph's syntax:
 * - `internetMessageId eq '<id@host>'`
 * - `singleValueExtendedProperties/any(ep: ep/id eq 'String {00020386-…} Name x-sendwell-id' and ep/value eq 'snd_1')`
 * - `receivedDateTime ge 2026-01-05T09:00:00Z` (also gt/le/lt), joined with `and`.
 * Anything else gets Graph's 400 `ErrorInvalidUrlQueryFilter` — notably a filter on
 * `internetMessageHeaders`, which Graph cannot filter on (the real service supports far more).
 */
function parseFilter(filter: string): Predicate | null {
  const extended =
    /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*\1\/id\s+eq\s+'([^']+)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(
      filter.trim(),
    );
  if (extended) {
    const name = internetHeaderName(extended[2]!);
    if (name === null) return null;
    const wanted = extended[3]!.replace(/''/g, "'");
    return (m) => {
      const value = internetHeaderProperty(m, name);
      return value !== undefined && sameValue(value, wanted);
    };
  }
  const clauses = filter.split(/\s+and\s+/i).map(parseClause);
  if (clauses.some((p) => p === null)) return null;
  return (m) => clauses.every((p) => p!(m));
}

function parseClause(clause: string): Predicate | null {
  const id = /^internetMessageId\s+eq\s+'((?:[^']|'')*)'$/i.exec(clause.trim());
  if (id) return (m) => m.internetMessageId === id[1]!.replace(/''/g, "'");
  const date = /^receivedDateTime\s+(ge|gt|le|lt)\s+(\S+)$/i.exec(clause.trim());
  if (!date || Number.isNaN(Date.parse(date[2]!))) return null;
  const at = Date.parse(date[2]!);
  const cmp = {
    ge: (t: number) => t >= at,
    gt: (t: number) => t > at,
    le: (t: number) => t <= at,
    lt: (t: number) => t < at,
  }[date[1]!.toLowerCase() as 'ge'];
  return (m) => cmp(m.receivedAt.getTime());
}

const WELL_KNOWN: Record<string, Folder> = { inbox: 'inbox', sentitems: 'sentitems' };

/**
 * Newest first, stopping at `$top`: the time index walked backwards, or — for an
 * `internetMessageId eq` filter — the Message-ID index, so reconcile and lookups stay O(page).
 */
function newestMatches(
  box: MailboxState,
  folder: Folder,
  predicate: Predicate,
  top: number,
  filterText: string | undefined,
): StoredMessage[] {
  const byId = /^internetMessageId\s+eq\s+'((?:[^']|'')*)'/i.exec(filterText?.trim() ?? '');
  const candidates = byId
    ? [...(box.byInternetId.get(byId[1]!.replace(/''/g, "'")) ?? [])].sort((a, b) => compareArrival(b, a))
    : null;
  const out: StoredMessage[] = [];
  const total = candidates ? candidates.length : box.byTime.length;
  for (let i = 0; i < total && out.length < top; i++) {
    const m = candidates ? candidates[i]! : box.byTime[total - 1 - i]!;
    if (m.folder === folder && predicate(m)) out.push(m);
  }
  return out;
}

/** GET /me/mailFolders/{inbox|sentitems}/messages with `$filter`, `$select`, `$top` (newest first). */
export function folderListHandler(ctx: SandboxContext) {
  return (c: Context<{ Variables: { user: SandboxUser } }>) => {
    const user = c.var.user;
    const folder = WELL_KNOWN[c.req.param('folder')?.toLowerCase() ?? ''];
    if (!folder) return graphError(c, 404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    const select = parseSelect(c.req.query('$select'));
    if (!select.ok)
      return graphError(
        c,
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${select.unknown}' on type 'microsoft.graph.message'.`,
      );
    const filterText = c.req.query('$filter');
    const predicate = filterText ? parseFilter(filterText) : () => true;
    if (!predicate)
      return graphError(
        c,
        400,
        'ErrorInvalidUrlQueryFilter',
        'The query filter contains one or more invalid nodes.',
      );
    const expand = parseExpand(c.req.query('$expand'));
    if (expand === 'invalid')
      return graphError(
        c,
        400,
        'BadRequest',
        'Parsing OData Select and Expand failed: the $expand is not supported.',
      );
    const top = Math.max(1, Math.min(1000, Number(c.req.query('$top') ?? 10) || 10));
    const matches = newestMatches(ctx.store.mailbox(user.mailboxId), folder, predicate, top, filterText);
    return c.json({
      '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata#users('${user.subject}')/mailFolders('${folder}')/messages`,
      value: matches.map((m) => ({
        ...messageJson(m, user.mailboxId, select.properties),
        ...expandedProperties(m, expand),
      })),
    });
  };
}
