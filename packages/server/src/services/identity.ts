import type { Host, SenderIdentity } from '@sendwell/core';
import { resolveChannel } from '@sendwell/core';
import { nativeChannel, webChannelFor } from '../channels/catalogInput';
import type { Db } from '../store/db';
import type { UserRow } from '../store/rows';
import { listMailboxes } from '../store/users';
import { ApiError } from './errors';

/**
 * What the channel resolver needs about a sender: their native mailboxes (add-in sends are forced
 * onto these) and the channel their web sends use (the choice, the team default or the email
 * connection: `webChannelFor`), which an add-in send names when it overrides it.
 */
export async function senderIdentity(db: Db, user: UserRow): Promise<SenderIdentity> {
  const mailboxes = await listMailboxes(db, user.id);
  const nativeMailboxes: SenderIdentity['nativeMailboxes'] = {};
  for (const mailbox of mailboxes) {
    if (mailbox.provider === 'smtp') continue;
    nativeMailboxes[mailbox.provider] ??= nativeChannel({ ...mailbox, provider: mailbox.provider });
  }
  return { defaultChannel: await webChannelFor(db, user), nativeMailboxes };
}

/** The channel a send from `host` will use, or a 409 that explains why there is none. */
export async function channelFor(db: Db, user: UserRow, host: Host) {
  const decision = resolveChannel(host, await senderIdentity(db, user));
  if (decision.outcome === 'unavailable') throw new ApiError(409, decision.reason, decision.explanation);
  return decision;
}
