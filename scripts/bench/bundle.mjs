// `pnpm bench:bundle`: builds the browser bundles (the Outlook pane, the team web app) and prints what a
// browser downloads for each, raw and gzip, file by file. office.js comes from Microsoft's CDN.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUNDLES = { outlook: 'Outlook pane', web: 'team web app' };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUNDLES);

const files = (dir) =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

for (const name of wanted) {
  if (!BUNDLES[name]) throw new Error(`unknown bundle ${name}: one of ${Object.keys(BUNDLES).join(', ')}`);
  const pkg = fileURLToPath(new URL(`../../packages/${name}`, import.meta.url));
  execFileSync('pnpm', ['--filter', `@sendwell/${name}`, '--silent', 'build'], { stdio: 'inherit' });
  const dist = join(pkg, 'dist');
  let raw = 0;
  let gzip = 0;
  console.log(`\n${BUNDLES[name]} (packages/${name}/dist)`);
  console.log('file                                             raw        gzip');
  for (const file of files(dist)) {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    console.log(
      `${file.slice(dist.length + 1).padEnd(46)} ${kb(bytes.length).padStart(9)}  ${kb(zipped).padStart(9)}`,
    );
  }
  console.log(`${'total'.padEnd(46)} ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}`);
}
