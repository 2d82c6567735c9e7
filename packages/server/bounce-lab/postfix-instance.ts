/**
 * A private Postfix instance for the lab: its own config_directory, queue_directory and
 * data_directory under a temp dir, its own smtpd port on 127.0.0.1, logging to a file. It never
 * touches the system Postfix (/etc/postfix, 127.0.0.1:25) except to copy its master.cf as a base.
 * `postfix -c DIR start|stop` is run as root (the lab runs as root, as CI's container does).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface PostfixInstanceOptions {
  /** Becomes syslog_name `postfix-<name>` and the instance's folder name. */
  name: string;
  /** Parent folder; the instance lives in `<root>/<name>/{conf,queue,data}`. */
  root: string;
  smtpPort: number;
  /** main.cf parameters added after the lab's defaults (later ones win). */
  main: Record<string, string>;
  /** Extra files written into the config directory (maps), by file name. */
  files?: Record<string, string>;
}

export interface PostfixInstance {
  configDir: string;
  logFile: string;
  /** Ask the queue manager to retry every deferred message now. */
  flush(): void;
  stop(): void;
}

/** The lab's main.cf base: loopback only, no DNS for bracketed hosts, no aliases, logs to a file. */
function baseMain(name: string, dir: string): Record<string, string> {
  return {
    compatibility_level: '3.6',
    queue_directory: join(dir, 'queue'),
    data_directory: join(dir, 'data'),
    syslog_name: `postfix-${name}`,
    maillog_file: join(dir, 'maillog'),
    maillog_file_prefixes: dir,
    inet_interfaces: '127.0.0.1',
    inet_protocols: 'ipv4',
    smtp_bind_address: '127.0.0.1',
    alias_maps: '',
    alias_database: '',
    biff: 'no',
    smtputf8_enable: 'no',
    smtpd_banner: '$myhostname ESMTP $mail_name',
    relayhost: '',
  };
}

/** Debian's master.cf with chroot off (our queue is not a chroot jail) and smtpd on our port. */
function masterCf(smtpPort: number): string {
  const lines = readFileSync('/etc/postfix/master.cf', 'utf8').split('\n');
  return lines
    .map((line) => {
      if (/^smtp\s+inet\s/.test(line)) return line.replace(/^smtp(\s+)/, `127.0.0.1:${smtpPort} `);
      // Column 5 is chroot; services with "y" would look for files inside the queue directory.
      const cols = line.split(/\s+/);
      if (!line.startsWith('#') && !line.startsWith(' ') && cols.length >= 8 && cols[4] === 'y') {
        cols[4] = 'n';
        return cols.join(' ');
      }
      return line;
    })
    .join('\n');
}

const render = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key} = ${value}`)
    .join('\n');

/** Write the instance's config, check it and start it (throws with Postfix's output on failure). */
export function startPostfix(options: PostfixInstanceOptions): PostfixInstance {
  const dir = join(options.root, options.name);
  const configDir = join(dir, 'conf');
  for (const sub of ['conf', 'queue', 'data']) mkdirSync(join(dir, sub), { recursive: true });
  // master.lock and the caches live in data_directory, written by the mail_owner.
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postfix'], { encoding: 'utf8' }).trim());
  chownSync(join(dir, 'data'), id('-u'), id('-g'));
  const main = { ...baseMain(options.name, dir), ...options.main };
  writeFileSync(join(configDir, 'main.cf'), `${render(main)}\n`);
  writeFileSync(join(configDir, 'master.cf'), masterCf(options.smtpPort));
  for (const [file, text] of Object.entries(options.files ?? {})) writeFileSync(join(configDir, file), text);
  const postfix = (...args: string[]) =>
    execFileSync('postfix', ['-c', configDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  postfix('check');
  postfix('start');
  return {
    configDir,
    logFile: join(dir, 'maillog'),
    flush: () => postfix('flush'),
    stop: () => {
      try {
        postfix('stop');
      } catch {
        // Already stopped.
      }
    },
  };
}

/** `mail_version` of the installed Postfix, e.g. "3.7.11". */
export const postfixVersion = (): string =>
  execFileSync('postconf', ['-h', 'mail_version'], { encoding: 'utf8' }).trim();
