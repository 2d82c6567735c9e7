/**
 * Postfix as the sending MTA ("tx"): a private instance (postfix-instance.ts) beside the system one,
 * relaying everything from 127.0.0.1 by transport_maps to the lab's routes, with the queue lifetimes
 * shrunk to minutes so delay warnings and expiries arrive during the run. Its local domain delivers
 * with local(8) into a private spool where nobody@ is over mailbox_size_limit.
 */
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PostfixInstance, postfixVersion, startPostfix } from '../postfix-instance';
import type { LabContext, LabDriver } from '../run';

let instance: PostfixInstance | undefined;

/** local(8)'s limits: a mailbox may not grow past MAILBOX_LIMIT (Postfix wants it >= the message limit). */
const MAILBOX_LIMIT = 200_000;
/** nobody:nogroup, a real account local(8) can deliver to without touching /var/mail. */
const NOBODY = 65534;

/** A private mail spool where nobody's mailbox is already a few hundred bytes short of the limit. */
function prepareSpool(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o1777 });
  chmodSync(dir, 0o1777);
  const mailbox = join(dir, 'nobody');
  const filler = `From filler@local.test Thu Jan  1 00:00:00 2026\n\n${'y'.repeat(99)}\n`;
  writeFileSync(mailbox, filler.repeat(Math.ceil((MAILBOX_LIMIT - 300) / filler.length)));
  chownSync(mailbox, NOBODY, NOBODY);
  return dir;
}

function transportMap(ctx: LabContext): string {
  return ctx.routes.map((route) => `${route.domain} smtp:[${route.host}]:${route.port}\n`).join('');
}

function timingParams(ctx: LabContext): Record<string, string> {
  const { delayWarningSeconds, retrySeconds, queueLifetimeSeconds } = ctx.timing;
  return {
    delay_warning_time: `${delayWarningSeconds}s`,
    maximal_queue_lifetime: `${queueLifetimeSeconds}s`,
    bounce_queue_lifetime: `${queueLifetimeSeconds}s`,
    queue_run_delay: `${retrySeconds}s`,
    minimal_backoff_time: `${retrySeconds}s`,
    maximal_backoff_time: `${retrySeconds}s`,
    smtp_connect_timeout: '5s',
    smtp_helo_timeout: '10s',
    smtp_data_done_timeout: '10s',
  };
}

export const driver: LabDriver = {
  name: 'postfix',
  basePort: 2600,
  async start(ctx) {
    instance = startPostfix({
      name: 'tx',
      root: ctx.workDir,
      smtpPort: ctx.ports.submit,
      main: {
        myhostname: 'mail.postfix-lab.test',
        mydomain: 'postfix-lab.test',
        myorigin: '$myhostname',
        mydestination: ctx.localDomain,
        // Empty: smtpd takes any local recipient, so local(8) itself finds the user missing.
        local_recipient_maps: '',
        mail_spool_directory: prepareSpool(join(ctx.workDir, 'tx-spool')),
        mailbox_size_limit: String(MAILBOX_LIMIT),
        message_size_limit: String(MAILBOX_LIMIT),
        mynetworks: '127.0.0.0/8',
        smtpd_relay_restrictions: 'permit_mynetworks, reject',
        transport_maps: 'texthash:$config_directory/transport',
        smtp_tls_security_level: 'none',
        ...timingParams(ctx),
      },
      files: { transport: transportMap(ctx) },
    });
    return { source: `Postfix ${postfixVersion()} (Debian 12)` };
  },
  async stop() {
    instance?.stop();
  },
};
