import type { Context } from 'hono';
import type { SandboxContext } from '../context';
import { lowerBound } from '../mail/order';
import type { Folder, StoredMessage } from '../mail/store';
import type { SandboxUser } from '../users';
import { graphError } from './errors';
import { expandedProperties, parseExpand } from './extendedProperties';
import { messageJson, parseSelect } from './messageJson';

/** Graph's page size for message delta when the client sends no `Prefer: odata.maxpagesize`. */
const DEFAULT_PAGE_SIZE = 10;

/** State carried by `$skiptoken` (within a round) and `$deltatoken` (between rounds). */
interface DeltaState {
  mailbox: string;
  /** Messages with seq above this are still to be returned. */
  after: number;
  /** The round's snapshot: seq at the time the round started (skiptoken only). */
  upTo?: number;
  select?: string;
  /** The round-one `$filter` and `$expand`, kept in the tokens like Graph keeps them in its links. */
  filter?: string;
  expand?: string;
  folder?: Folder;
}

function encode(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decode(token: string): DeltaState | null {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    return typeof state.mailbox === 'string' && Number.isInteger(state.after) ? state : null;
  } catch {
    return null;
  }
}

function pageSize(prefer: string | undefined): number | null {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? '');
  return m ? Math.max(1, Math.min(1000, Number(m[1]))) : null;
}

/**
 * Message delta allows `$filter` only on `receivedDateTime` with `ge` or `gt` (message-delta docs);
 * anything else is refused like Graph refuses an unsupported filter.
 */
function parseDeltaFilter(filter: string | undefined): ((m: StoredMessage) => boolean) | null {
  if (!filter) return () => true;
  const m = /^receivedDateTime\s+(ge|gt)\s+(\S+)$/i.exec(filter.trim());
  if (!m || Number.isNaN(Date.parse(m[2]!))) return null;
  const at = Date.parse(m[2]!);
  return m[1]!.toLowerCase() === 'ge'
    ? (msg) => msg.receivedAt.getTime() >= at
    : (msg) => msg.receivedAt.getTime() > at;
}

const DELTA_FOLDERS: Record<string, Folder> = { inbox: 'inbox', sentitems: 'sentitems' };

/**
 * GET /me/mailFolders/{inbox|sentitems}/messages/delta — initial sync, then only what arrived
 * since the deltaLink; `$select`, `$filter` (receivedDateTime ge|gt), and `$expand` of one
 * internet-header extended property.
 */
export function folderDeltaHandler(ctx: SandboxContext) {
  return (c: Context<{ Variables: { user: SandboxUser } }>) => {
    const user = c.var.user;
    const folderName = c.req.param('folder')?.toLowerCase() ?? '';
    const folder = DELTA_FOLDERS[folderName];
    if (!folder) return graphError(c, 404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    const box = ctx.store.mailbox(user.mailboxId);
    const token = c.req.query('$skiptoken') ?? c.req.query('$deltatoken');
    const state: DeltaState | null = token
      ? decode(token)
      : {
          mailbox: user.mailboxId,
          after: 0,
          select: c.req.query('$select'),
          filter: c.req.query('$filter'),
          expand: c.req.query('$expand'),
          folder,
        };
    if (!state || state.mailbox !== user.mailboxId || (state.folder ?? 'inbox') !== folder) {
      return graphError(c, 410, 'SyncStateNotFound', 'The sync state cannot be found. Resync is required.');
    }
    const select = parseSelect(state.select);
    if (!select.ok)
      return graphError(
        c,
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${select.unknown}' on type 'microsoft.graph.message'.`,
      );
    const predicate = parseDeltaFilter(state.filter);
    if (!predicate)
      return graphError(
        c,
        400,
        'ErrorInvalidUrlQueryFilter',
        'The query filter contains one or more invalid nodes.',
      );
    const expand = parseExpand(state.expand);
    if (expand === 'invalid')
      return graphError(
        c,
        400,
        'BadRequest',
        'Parsing OData Select and Expand failed: the $expand is not supported.',
      );
    const upTo = state.upTo ?? box.seq;
    const preferred = pageSize(c.req.header('prefer'));
    const size = preferred ?? DEFAULT_PAGE_SIZE;
    // O(page): a binary search to the watermark, then only as far as one item past the page.
    const inFolder = box.folders[folder];
    const page: StoredMessage[] = [];
    let more = false;
    for (let i = lowerBound(inFolder, (m) => m.seq <= state.after); i < inFolder.length; i++) {
      const m = inFolder[i]!;
      if (m.seq > upTo) break;
      if (!predicate(m)) continue;
      if (page.length === size) {
        more = true;
        break;
      }
      page.push(m);
    }
    const link = `${ctx.baseUrl}/graph/v1.0/me/mailFolders/${folderName}/messages/delta`;
    const keep = {
      mailbox: user.mailboxId,
      select: state.select,
      filter: state.filter,
      expand: state.expand,
      folder,
    };
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata#Collection(message)`,
    };
    if (more) {
      const last = page[page.length - 1]!;
      body['@odata.nextLink'] = `${link}?$skiptoken=${encode({ ...keep, after: last.seq, upTo })}`;
    } else {
      body['@odata.deltaLink'] = `${link}?$deltatoken=${encode({ ...keep, after: upTo })}`;
    }
    body.value = page.map((m) => ({
      ...messageJson(m, user.mailboxId, select.properties),
      ...expandedProperties(m, expand),
    }));
    if (preferred) c.header('Preference-Applied', `odata.maxpagesize=${preferred}`);
    return c.json(body);
  };
}
