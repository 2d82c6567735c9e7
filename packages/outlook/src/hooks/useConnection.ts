import { useCallback, useEffect, useState } from 'react';
import type { FeedEvent, SendwellApi } from '../api/types';
import { outlookConnection, type PaneConnection } from '../model/connection';
import { type Problem, toProblem } from '../model/problem';
import type { OpenAuthWindow } from '../office/authWindow';
import { type Loaded, useLoad } from './useLoad';

export interface ConnectionControl {
  connection: Loaded<PaneConnection>;
  /** True while the consent window is open. */
  waiting: boolean;
  /** Why the last connect could not start (the server refused, the window was blocked). */
  connectProblem: Problem | null;
  /** Connect or reconnect the rep's Microsoft mailbox: consent in a window, then ask the server again. */
  connect(): void;
}

/** Feed events after which the rep's connection may read differently. */
const affectsConnection = (event: FeedEvent) =>
  event.type.startsWith('connection.') || event.type === 'send.held';

export function useConnection(
  api: SendwellApi,
  latest: FeedEvent | null,
  openAuthWindow: OpenAuthWindow,
): ConnectionControl {
  const loaded = useLoad(() => api.getConnections().then(outlookConnection));
  const [waiting, setWaiting] = useState(false);
  const [connectProblem, setConnectProblem] = useState<Problem | null>(null);
  const { reload } = loaded;

  useEffect(() => {
    if (latest && affectsConnection(latest)) reload();
  }, [latest, reload]);

  const connect = useCallback(() => {
    setWaiting(true);
    setConnectProblem(null);
    api
      .startConnect('microsoft')
      .then((start) => openAuthWindow(start.authorizationUrl))
      .catch((error: unknown) => setConnectProblem(toProblem(error)))
      .finally(() => {
        setWaiting(false);
        reload();
      });
  }, [api, openAuthWindow, reload]);

  return { connection: loaded, waiting, connectProblem, connect };
}
