import type { OutgoingMessage } from '@sendwell/core';
import type { Db } from '../store/db';
import type { SendRow } from '../store/rows';
import { trackedHtml } from '../tracking/decorateHtml';
import { unsubscribeUrl } from './unsubscribe';

/**
 * What a message gets at send time beyond what the rep wrote: campaign emails carry a one-click
 * unsubscribe (RFC 8058), and when the team turned engagement tracking on, tracked links and pixel.
 */
export function createDecorate(options: { db: Db; baseUrl: string; secret: Buffer }) {
  return async (send: SendRow, message: OutgoingMessage): Promise<OutgoingMessage> => {
    const html = await trackedHtml(options.db, options, send, message.html);
    const url = send.campaign ? unsubscribeUrl(options.baseUrl, options.secret, send.id) : '';
    return { ...message, html, ...(url ? { listUnsubscribeUrl: url } : {}) };
  };
}
