import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BouncesIo, listFilesNow, run } from './bounces';

const DSN = [
  'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>',
  'To: sender@example.com',
  'Subject: Returned mail: see transcript for details',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'The original message was not delivered.',
  '--b',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  'Final-Recipient: rfc822; nobody@example.net',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>... User unknown',
  '--b',
  'Content-Type: text/rfc822-headers',
  '',
  'Message-ID: <orig-1@example.com>',
  'Subject: hello',
  '--b--',
  '',
].join('\r\n');

/** An in-memory file system: a map of path → content; a path ending in `/` is a directory. */
function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: BouncesIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined)
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return new TextEncoder().encode(text);
    },
    listFiles: async (path) => {
      if (path in files) return [path];
      const below = Object.keys(files)
        .filter((f) => f.startsWith(`${path}/`))
        .sort();
      if (!below.length)
        throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${path}'`), {
          code: 'ENOENT',
        });
      return below;
    },
  };
  return { io, out, err };
}

describe('sendwell bounces parse', () => {
  it('prints one contract line per message, file first', async () => {
    const { io, out } = fakeIo({ 'a.eml': DSN });
    expect(await run(['parse', '--json', 'a.eml'], io)).toBe(0);
    const line = JSON.parse(out.join(''));
    expect(Object.keys(line)).toEqual(['file', 'kind', 'recipients', 'originalMessageId']);
    expect(line).toMatchObject({ file: 'a.eml', kind: 'bounce', originalMessageId: 'orig-1@example.com' });
    expect(line.recipients[0]).toEqual({
      address: 'nobody@example.net',
      action: 'failed',
      status: '5.1.1',
      hard: true,
      reason: 'userunknown',
      diagnostic: '550 5.1.1 <nobody@example.net>... User unknown',
    });
  });

  it('recurses into directories and goes on past unreadable paths, exiting 1', async () => {
    const { io, out, err } = fakeIo({ 'dir/x/1.eml': DSN, 'dir/2.eml': 'Subject: hi\r\n\r\nhello' });
    expect(await run(['parse', '--json', 'missing.eml', 'dir'], io)).toBe(1);
    expect(err.join('')).toMatch(/cannot read missing\.eml: ENOENT/);
    const lines = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.kind])).toEqual([
      ['dir/2.eml', 'not-bounce'],
      ['dir/x/1.eml', 'bounce'],
    ]);
  });

  it('prints a readable table without --json', async () => {
    const { io, out } = fakeIo({ 'a.eml': DSN });
    expect(await run(['parse', 'a.eml'], io)).toBe(0);
    expect(out.join('')).toMatch(/a\.eml\s+bounce\s+nobody@example\.net\s+5\.1\.1\s+hard\s+userunknown/);
  });

  it.each([[[]], [['parse']], [['list', 'a.eml']], [['parse', '--csv', 'a.eml']]])(
    'rejects bad arguments %j with exit 2',
    async (args) => {
      const { io, err } = fakeIo({});
      expect(await run(args, io)).toBe(2);
      expect(err.join('')).toMatch(/usage/);
    },
  );
});

describe('listFilesNow', () => {
  // b/ before b.eml before c: name order per directory, depth first, as `join` spells each path.
  const root = mkdtempSync(join(tmpdir(), 'sendwell-list-'));
  for (const dir of ['b', 'b/inner', 'empty']) mkdirSync(join(root, dir));
  for (const file of ['c', 'b.eml', 'a.eml', 'b/z', 'b/inner/y', 'b/a']) writeFileSync(join(root, file), '');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const expected = (base: string) =>
    ['a.eml', 'b/a', 'b/inner/y', 'b/z', 'b.eml', 'c'].map((name) => join(base, name));

  it.each([[''], ['/'], ['/./'], ['/b/..']])(
    'lists a directory given as root%s like join would',
    (suffix) => {
      expect(listFilesNow(root + suffix)).toEqual(expected(root + suffix));
    },
  );

  it('a file is itself; a missing path throws (the caller reports it)', () => {
    expect(listFilesNow(join(root, 'c'))).toEqual([join(root, 'c')]);
    expect(() => listFilesNow(join(root, 'missing'))).toThrow(/ENOENT/);
  });
});
