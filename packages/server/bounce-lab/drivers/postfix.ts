/**
 * Postfix as the sending MTA ("tx"): a private instance (postfix-instance.ts) beside the system one,
 * relaying everything from 127.0.0.1 by transport_maps to the lab's routes, with the queue lifetimes
 * shrunk to minutes so delay warnings and expiries arrive during the run.
 */
import { type PostfixInstance, postfixVersion, startPostfix } from '../postfix-instance';
import type { LabContext, LabDriver } from '../run';

let instance: PostfixInstance | undefined;

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
