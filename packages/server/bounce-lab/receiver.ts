/**
 * The lab's receiving Postfix ("rx"): a real MTA as the refusing side, so the refusals the sending
 * lab MTA quotes are Postfix's own words, not ours. Any driver may route these domains to it:
 * - rx.test (local, local_recipient_maps): unknown users are refused at RCPT ("User unknown in
 *   local recipient table"); blocked@ is refused by check_recipient_access REJECT, mail from
 *   blocked-sender@sender.test by check_sender_access REJECT; any message over
 *   message_size_limit is refused at MAIL FROM (552 5.3.4).
 * - box.test (virtual(8) mailboxes): unknown users refused ("virtual mailbox table"); full@ has a
 *   mailbox already at virtual_mailbox_limit, so rx accepts, then bounces it itself (5.2.2);
 *   ok@ is delivered (a success DSN when NOTIFY=SUCCESS).
 * - elsewhere.test: not rx's to take, and the sending lab MTA is not in rx's mynetworks: relay denied.
 */
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PostfixInstance, startPostfix } from './postfix-instance';

/** Limits rx enforces, in bytes: a lab "oversized" message must be bigger than RX_MESSAGE_LIMIT. */
export const RX_MESSAGE_LIMIT = 20_000;
const RX_MAILBOX_LIMIT = 30_000;
/** nobody:nogroup on Debian: virtual(8) refuses to deliver as root. */
const MAILBOX_UID = 65534;

interface ReceiverOptions {
  root: string;
  port: number;
  catcherPort: number;
}

function prepareMailboxes(base: string): void {
  mkdirSync(base, { recursive: true });
  chownSync(base, MAILBOX_UID, MAILBOX_UID);
  // An mbox already one small message short of the limit: the next delivery makes it "full".
  const full = join(base, 'full');
  writeFileSync(full, `From filler@box.test Thu Jan  1 00:00:00 2026\n\n${'x'.repeat(72)}\n`.repeat(380));
  chownSync(full, MAILBOX_UID, MAILBOX_UID);
}

/** Start rx on 127.0.0.1:port; its notices (full mailbox, success DSN) go to the catcher. */
export function startReceiver(options: ReceiverOptions): PostfixInstance {
  const vmail = join(options.root, 'rx-vmail');
  prepareMailboxes(vmail);
  return startPostfix({
    name: 'rx',
    root: options.root,
    smtpPort: options.port,
    main: {
      myhostname: 'mx.rx.test',
      mydomain: 'rx.test',
      mydestination: 'rx.test',
      mynetworks: '192.0.2.1/32',
      local_recipient_maps: 'texthash:$config_directory/local_users',
      virtual_mailbox_domains: 'box.test',
      virtual_mailbox_maps: 'texthash:$config_directory/vmailbox',
      virtual_mailbox_base: vmail,
      virtual_uid_maps: `static:${MAILBOX_UID}`,
      virtual_gid_maps: `static:${MAILBOX_UID}`,
      virtual_minimum_uid: '100',
      virtual_mailbox_limit: String(RX_MAILBOX_LIMIT),
      message_size_limit: String(RX_MESSAGE_LIMIT),
      smtpd_relay_restrictions: 'permit_mynetworks, reject_unauth_destination',
      smtpd_recipient_restrictions:
        'check_sender_access texthash:$config_directory/senders, check_recipient_access texthash:$config_directory/access',
      transport_maps: 'texthash:$config_directory/transport',
    },
    files: {
      local_users: 'postmaster x\n',
      vmailbox: 'full@box.test full\nok@box.test ok\n',
      access: 'blocked@rx.test REJECT\n',
      senders: 'blocked-sender@sender.test REJECT\n',
      transport: `sender.test smtp:[127.0.0.1]:${options.catcherPort}\n`,
    },
  });
}
