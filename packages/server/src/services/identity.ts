import type { ChannelConfig, Host, ProviderKind, SenderIdentity } from '@sendwell/core';
import { resolveChannel } from '@sendwell/core';
import type { Db } from '../store/db';
import type { MailboxRow, UserRow } from '../store/rows';
import { listMailboxes } from '../store/users';
import { ApiError } from './errors';

const PROVIDER_LABEL: Record<ProviderKind, string> = {
  exchange: 'Exchange Online — your mailbox',
  gmail: 'Gmail — your mailbox',
  'exchange-server': 'Exchange Server — your mailbox',
};

function mailboxChannel(mailbox: MailboxRow & { provider: ProviderKind }): ChannelConfig {
  return {
    id: mailbox.id,
    kind: mailbox.provider,
    address: mailbox.address,
    profileId: mailbox.profileId,
    label: PROVIDER_LABEL[mailbox.provider],
  };
}

export async function senderIdentity(db: Db, user: UserRow): Promise<SenderIdentity> {
  const mailboxes = await listMailboxes(db, user.id);
  const nativeMailboxes: SenderIdentity['nativeMailboxes'] = {};
  for (const mailbox of mailboxes) {
    if (mailbox.provider === 'smtp') continue;
    nativeMailboxes[mailbox.provider] ??= mailboxChannel({ ...mailbox, provider: mailbox.provider });
  }
  return { defaultChannel: user.defaultChannel, nativeMailboxes };
}

/** The channel a send from `host` will use, or a 409 that explains why there is none. */
export async function channelFor(db: Db, user: UserRow, host: Host) {
  const decision = resolveChannel(host, await senderIdentity(db, user));
  if (decision.outcome === 'unavailable') throw new ApiError(409, decision.reason, decision.explanation);
  return decision;
}
