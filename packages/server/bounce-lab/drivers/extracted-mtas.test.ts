/**
 * The configuration the OpenSMTPD, Sendmail and Courier drivers write (no MTA is started here: the
 * lab run itself needs root and minutes). Each MTA must send every lab domain to its own port, take
 * its timing from the lab, and change the shared scenarios only as its driver documents.
 */
import { describe, expect, it } from 'vitest';
import type { LabContext } from '../run';
import { scenariosFor } from '../scenarios';
import { controlFiles, driver as courier, esmtpdSettings, esmtproutes } from './courier';
import { driver as opensmtpd, routesTable, smtpdConf } from './opensmtpd';
import { mailertable, mcFile, portMailers, driver as sendmail } from './sendmail';

const ctx: LabContext = {
  mta: 'test',
  workDir: '/tmp/lab-work',
  ports: { base: 2690, catcher: 2690, submit: 2696, spare: [] },
  routes: [
    { domain: 'sender.test', host: '127.0.0.1', port: 2690 },
    { domain: 'corp.test', host: '127.0.0.1', port: 2691 },
    { domain: 'gmail.test', host: '127.0.0.1', port: 2691 },
    { domain: 'closed.test', host: '127.0.0.1', port: 2695 },
    { domain: 'nohost.test', host: 'no-such-host.invalid', port: 25 },
  ],
  localDomain: 'local.test',
  timing: { delayWarningSeconds: 60, retrySeconds: 15, queueLifetimeSeconds: 240 },
};

describe('Sendmail configuration', () => {
  it.each([
    ['sender.test', 'lab2690:[127.0.0.1]'],
    ['gmail.test', 'lab2691:[127.0.0.1]'],
    ['nohost.test', 'esmtp:no-such-host.invalid'],
    ['small.test', 'labsmall:[127.0.0.1]'],
  ])('mailertable routes %s to %s', (domain, target) => {
    expect(mailertable(ctx).split('\n')).toContain(`${domain}\t${target}`);
  });

  it('defines one esmtp mailer per loopback port, and the size-limited one at the remote MX', () => {
    const mailers = portMailers(ctx);
    expect(mailers.match(/^M\w+,/gm)).toEqual(['Mlab2690,', 'Mlab2691,', 'Mlab2695,', 'Mlabsmall,']);
    expect(mailers).toMatch(/^Mlabsmall,[\s\S]*M=20000, T=DNS\/RFC822\/SMTP,\n\t\tA=TCP \$h 2691$/m);
  });

  it.each([
    ['confTO_QUEUEWARN', '60s'],
    ['confTO_QUEUERETURN', '240s'],
    ['QUEUE_DIR', '/tmp/lab-work/sendmail/mqueue'],
  ])('the .mc sets %s to %s', (name, value) => {
    expect(mcFile(ctx, '/cf', '/bin/mail.local')).toContain(`define(\`${name}', \`${value}')dnl`);
  });

  it('listens on the submit port and lets mail.local find local users (no w flag)', () => {
    const mc = mcFile(ctx, '/cf', '/bin/mail.local');
    expect(mc).toContain("DAEMON_OPTIONS(`Port=2696,Addr=127.0.0.1,Name=MTA')");
    expect(mc).toContain("MODIFY_MAILER_FLAGS(`LOCAL', `-w')");
  });
});

describe('OpenSMTPD configuration', () => {
  it('sends each domain to its port, the closed port at 127.0.0.2', () => {
    expect(routesTable(ctx).split('\n')).toEqual([
      'sender.test smtp+notls://127.0.0.1:2690',
      'corp.test smtp+notls://127.0.0.1:2691',
      'gmail.test smtp+notls://127.0.0.1:2691',
      'closed.test smtp+notls://127.0.0.2:2695',
      'nohost.test smtp+notls://no-such-host.invalid:25',
      '',
    ]);
  });

  it('takes the queue lifetime and the warning interval from the lab timing', () => {
    const conf = smtpdConf(ctx, '/w');
    expect(conf).toContain('queue ttl 240s\n');
    expect(conf).toContain('bounce warn-interval 60s\n');
    expect(conf).toContain('listen on 127.0.0.1 port 2696 ');
  });
});

describe('Courier configuration', () => {
  it('routes loopback domains to [ip],port and the unresolvable host by name', () => {
    expect(esmtproutes(ctx)).toContain('gmail.test: [127.0.0.1],2691\n');
    expect(esmtproutes(ctx)).toContain('nohost.test: no-such-host.invalid\n');
  });

  it.each([
    ['queuetime', '240s'],
    ['warntime', '60s'],
    ['retryalpha', '15s'],
    ['locals', 'local.test'],
  ])('control file %s is %s', (file, value) => {
    expect(controlFiles(ctx)[file]).toBe(value);
  });

  it('replaces settings esmtpd has and appends those it lacks', () => {
    const out = esmtpdSettings('PORT=smtp\nBOFHCHECKDNS=1\nTARPIT=1\n', 2696);
    expect(out).toMatch(/^PORT=2696$/m);
    expect(out).toMatch(/^BOFHCHECKDNS=0$/m);
    expect(out).toMatch(/^TARPIT=0$/m);
    expect(out).toMatch(/^ADDRESS=127\.0\.0\.1$/m);
    expect(out).not.toContain('PORT=smtp');
  });
});

describe('scenario changes per MTA', () => {
  const namesOf = (name: string, adjust = (s: ReturnType<typeof scenariosFor>) => s) =>
    adjust(scenariosFor(name)).map((scenario) => scenario.name);

  it.each([
    ['opensmtpd', opensmtpd],
    ['courier', courier],
  ])('%s leaves out only the local unknown user (refused at RCPT)', (name, mta) => {
    const adjust = (shared: ReturnType<typeof scenariosFor>) => mta.adjustScenarios?.(shared) ?? shared;
    const left = namesOf(name).filter((scenario) => !namesOf(name, adjust).includes(scenario));
    expect(left).toEqual(['unknown-local-user']);
  });

  it('Sendmail adds its own mailer size limit', () => {
    const adjusted = sendmail.adjustScenarios?.(scenariosFor('sendmail')) ?? [];
    expect(adjusted.find((s) => s.name === 'mailer-size-limit')?.notices).toEqual([
      { suffix: '', kind: 'bounce', action: 'failed', reason: 'mesgtoobig' },
    ]);
  });

  it('OpenSMTPD retries an unresolvable host, then expires it (marked ambiguous)', () => {
    const adjusted = opensmtpd.adjustScenarios?.(scenariosFor('opensmtpd')) ?? [];
    const hostUnknown = adjusted.find((s) => s.name === 'host-unknown');
    expect(hostUnknown?.notices.map((n) => [n.action, n.reason])).toEqual([
      ['delayed', 'hostunknown'],
      ['failed', 'expired'],
    ]);
    expect(hostUnknown?.ambiguous).toBe(true);
  });
});
