// `pnpm bench:bundle`: builds the Outlook pane and prints what a rep's Outlook downloads, raw and gzip.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const pane = fileURLToPath(new URL('..', import.meta.url));
execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: pane, stdio: 'inherit' });

const dist = join(pane, 'dist');
const files = (dir) =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0;
let gzip = 0;
console.log('file                                   raw        gzip');
for (const file of files(dist)) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(
    `${file.slice(dist.length + 1).padEnd(38)} ${kb(bytes.length).padStart(9)}  ${kb(zipped).padStart(9)}`,
  );
}
console.log(
  `${'total (office.js comes from Microsoft)'.padEnd(38)} ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}`,
);
