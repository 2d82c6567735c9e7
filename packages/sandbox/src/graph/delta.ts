import type { Context } from 'hono';
import type { SandboxContext } from '../context';
import type { SandboxUser } from '../users';
import { graphError } from './errors';
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

/** GET /me/mailFolders/inbox/messages/delta — initial sync, then only what arrived since the deltaLink. */
export function inboxDeltaHandler(ctx: SandboxContext) {
  return (c: Context<{ Variables: { user: SandboxUser } }>) => {
    const user = c.var.user;
    const box = ctx.store.mailbox(user.mailboxId);
    const token = c.req.query('$skiptoken') ?? c.req.query('$deltatoken');
    const state = token
      ? decode(token)
      : { mailbox: user.mailboxId, after: 0, select: c.req.query('$select') };
    if (!state || state.mailbox !== user.mailboxId) {
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
    const upTo = state.upTo ?? box.seq;
    const preferred = pageSize(c.req.header('prefer'));
    const size = preferred ?? DEFAULT_PAGE_SIZE;
    const pending = box.messages.filter((m) => m.folder === 'inbox' && m.seq > state.after && m.seq <= upTo);
    const page = pending.slice(0, size);
    const link = `${ctx.baseUrl}/graph/v1.0/me/mailFolders/inbox/messages/delta`;
    const body: Record<string, unknown> = {
      '@odata.context': `${ctx.baseUrl}/graph/v1.0/$metadata#Collection(message)`,
    };
    if (pending.length > page.length) {
      const last = page[page.length - 1]!;
      body['@odata.nextLink'] =
        `${link}?$skiptoken=${encode({ mailbox: user.mailboxId, after: last.seq, upTo, select: state.select })}`;
    } else {
      body['@odata.deltaLink'] =
        `${link}?$deltatoken=${encode({ mailbox: user.mailboxId, after: upTo, select: state.select })}`;
    }
    body.value = page.map((m) => messageJson(m, user.mailboxId, select.properties));
    if (preferred) c.header('Preference-Applied', `odata.maxpagesize=${preferred}`);
    return c.json(body);
  };
}
