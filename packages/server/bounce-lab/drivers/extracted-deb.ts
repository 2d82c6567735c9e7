/**
 * MTAs other than Postfix run from their Debian packages *extracted*, never installed: installing
 * one (sendmail-bin, opensmtpd, courier-mta…) would replace the system Postfix, which CI needs on
 * 127.0.0.1:25. `apt-get download` fetches the .deb files and `dpkg -x` unpacks them into a private
 * root, cached across runs; the driver then runs the binaries from there with its own config.
 * Plain libraries the binaries link against must be installed normally (see the README).
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where extracted packages are kept between runs (one folder per MTA). */
const CACHE = '/var/tmp/sendwell-bounce-lab';

interface ExtractedPackages {
  /** The folder the packages were unpacked into (its usr/, etc/… mirror the package's paths). */
  root: string;
  /** Package name -> Debian version, e.g. sendmail-bin -> 8.17.1.9-2+deb12u2. */
  versions: Record<string, string>;
}

const debVersion = (deb: string) =>
  execFileSync('dpkg-deb', ['-f', deb, 'Version'], { encoding: 'utf8' }).trim();

/** Download (once) and unpack the packages into `<cache>/<name>/root`. */
export function extractedPackages(name: string, packages: string[]): ExtractedPackages {
  const base = join(CACHE, name);
  const debs = join(base, 'debs');
  const root = join(base, 'root');
  const done = join(base, 'extracted');
  if (!existsSync(done)) {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(debs, { recursive: true });
    execFileSync('apt-get', ['download', ...packages], { cwd: debs, stdio: 'ignore' });
    for (const deb of readdirSync(debs)) execFileSync('dpkg', ['-x', join(debs, deb), root]);
    writeFileSync(done, `${packages.join(' ')}\n`);
  }
  const versions: Record<string, string> = {};
  for (const deb of readdirSync(debs)) versions[deb.split('_')[0] ?? deb] = debVersion(join(debs, deb));
  return { root, versions };
}

/** Resolves once something listens on 127.0.0.1:port; throws if `child` exits first or after ~10 s. */
export async function waitUntilListening(name: string, port: number, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ss = execFileSync('ss', ['-ltn', `sport = :${port}`], { encoding: 'utf8' });
    if (ss.includes(`:${port}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} is not listening on ${port}`);
}
