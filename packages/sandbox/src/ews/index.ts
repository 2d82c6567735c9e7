import type { Clock } from '@sendwell/core';
import type { Hono } from 'hono';
import { EWS_ORGS, type EwsOrg } from './orgs';
import { type EwsCall, ewsRoutes } from './routes';
import { type EwsItem, EwsStore } from './store';

export type { EwsDeployment, EwsOrg, EwsUser } from './orgs';
export type { EwsCall } from './routes';
export type { EwsItem } from './store';

/** The sandbox's Exchange Web Services, and the switches tests use on it. */
export interface EwsSandbox {
  /** Mounted at `/ews`: `POST /ews/{org}/EWS/Exchange.asmx`. */
  app: Hono<{ Variables: { ewsCall: EwsCall } }>;
  orgs: readonly EwsOrg[];
  /** `${baseUrl}/ews/{org}/EWS/Exchange.asmx` */
  url(orgId: string): string;
  /** A user's Sent Items, oldest first. */
  sentItems(orgId: string, userId: string): EwsItem[];
  /** The next `count` requests to the org answer ErrorServerBusy with `backOffMs` in MessageXml. */
  busyNext(orgId: string, count: number, backOffMs?: number): void;
  /** The next `count` CreateItem requests send (and save) the message, then drop the connection. */
  crashAfterAccept(orgId: string, count?: number): void;
}

export function createEwsSandbox(options: { baseUrl: string; clock: Clock }): EwsSandbox {
  const store = new EwsStore(EWS_ORGS, options.clock);
  return {
    app: ewsRoutes(store, options.clock),
    orgs: EWS_ORGS,
    url: (orgId) => `${options.baseUrl}/ews/${orgId}/EWS/Exchange.asmx`,
    sentItems: (orgId, userId) => [...store.sentItems(orgId, userId)],
    busyNext: (orgId, count, backOffMs = 30_000) => store.busyNext(orgId, count, backOffMs),
    crashAfterAccept: (orgId, count = 1) => store.crashAfterAccept(orgId, count),
  };
}
