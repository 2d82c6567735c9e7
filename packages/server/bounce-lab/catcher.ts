/**
 * The lab's catcher: the MX of the sender's domain (sender.test). Every lab MTA routes mail for that
 * domain here, so every bounce, delay warning and success DSN it writes lands in this server, which
 * keeps each one byte for byte (as the DATA stream delivered it, dot-unstuffed) in memory and in
 * `<dir>/<n>.eml`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';

export interface CaughtNotice {
  /** Arrival order, from 1. */
  seq: number;
  /** The envelope sender: `` for notices (the null reverse-path). */
  mailFrom: string;
  rcptTo: string[];
  raw: Buffer;
}

export interface Catcher {
  port: number;
  notices: CaughtNotice[];
  /** Resolves when `done(notices)` holds (checked on each arrival), or rejects after timeoutMs. */
  waitUntil(done: (notices: CaughtNotice[]) => boolean, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Start the catcher on 127.0.0.1:port; each notice is also written to `<dir>/<seq>.eml`. */
export async function startCatcher(port: number, dir: string): Promise<Catcher> {
  mkdirSync(dir, { recursive: true });
  const notices: CaughtNotice[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    name: 'mx.sender.test',
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideDSN: false,
    logger: false,
    closeTimeout: 1000,
    async onData(stream, session, callback) {
      const raw = await readAll(stream);
      const notice: CaughtNotice = {
        seq: notices.length + 1,
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw,
      };
      notices.push(notice);
      writeFileSync(join(dir, `${notice.seq}.eml`), raw);
      for (const wake of waiters) wake();
      callback();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    notices,
    waitUntil: (done, timeoutMs) => waitFor(waiters, () => done(notices), timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function waitFor(waiters: Set<() => void>, done: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      waiters.delete(check);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (done()) finish();
    };
    const timer = setTimeout(
      () => finish(new Error(`catcher: still waiting after ${timeoutMs} ms`)),
      timeoutMs,
    );
    waiters.add(check);
    check();
  });
}
