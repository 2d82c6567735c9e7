import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Core must run unchanged on the server and in the browser: no platform imports or globals.
// Tests beside the code may use Node (they run in vitest), so only non-test sources are checked.
const ROOT = new URL('.', import.meta.url).pathname;
// papaparse: the CSV reader of enrolment imports (plain JavaScript, runs in the browser and in Node alike).
const ALLOWED_PACKAGES = new Set(['postal-mime', 'zod', 'papaparse']);
const FORBIDDEN_GLOBALS =
  /(?<![.\w])(?:Buffer|process\.|require\(|document\.|window\.|globalThis\.Office|Office\.context)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$|^testing\.ts$|^test-[\w-]+\.ts$/.test(name) ? [path] : [];
  });
}

const files = sources(ROOT).map((path) => [relative(ROOT, path), readFileSync(path, 'utf8')] as const);

describe('core is platform-free', () => {
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s imports only relative modules and allowed packages', (_name, text) => {
    const specifiers = [
      ...text.matchAll(
        /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
      ),
    ].map((m) => m[1] ?? m[2]!);
    const external = specifiers.filter((s) => !s.startsWith('.'));
    expect(external.filter((s) => !ALLOWED_PACKAGES.has(s.split('/')[0]!))).toEqual([]);
  });

  it.each(files)('%s uses no Node or DOM globals', (_name, text) => {
    expect(globalUsed(text)).toBeNull();
  });

  it.each([
    ['window.open()', 'window.'],
    ['const b = Buffer.from(x)', 'Buffer'],
    // A template literal's placeholder is code (written escaped here, so this file holds no placeholder).
    [`\`$\{document.title}\``, 'document.'],
    ["'Open it from an Outlook compose window.'", null],
    ['// process.env is not read here', null],
  ])('the check reads %j as using %j', (code, found) => {
    expect(globalUsed(code)).toBe(found);
  });
});

/** The first Node or DOM global the code uses, ignoring comments and quoted strings. */
function globalUsed(text: string): string | null {
  // Comments and quoted strings cannot reach a global ("an Outlook compose window." is a sentence);
  // template literals stay, since `${window.x}` inside one would.
  const code = text
    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  return code.match(FORBIDDEN_GLOBALS)?.[0] ?? null;
}
