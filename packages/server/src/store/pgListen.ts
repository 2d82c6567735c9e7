import pg from 'pg';

const RETRY_MS = 1_000;

/**
 * LISTEN on its own connection (a pooled one would be handed to other queries). When the connection
 * drops (a server restart, a forced disconnect), it is made again every second until it answers, and
 * `onNotify(null)` says that notifications may have been missed meanwhile.
 */
export async function listenOn(
  databaseUrl: string,
  channel: string,
  onNotify: (payload: string | null) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) await next.end();
    else client = next;
  };
  const lost = (which: pg.Client) => {
    if (client !== which || stopped) return;
    client = null;
    which.end().catch(() => {});
    schedule();
  };
  const schedule = () => {
    retry = setTimeout(() => {
      retry = null;
      if (stopped) return;
      connect().then(
        () => onNotify(null),
        () => schedule(),
      );
    }, RETRY_MS);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const open = client;
    client = null;
    await open?.end().catch(() => {});
  };
}
