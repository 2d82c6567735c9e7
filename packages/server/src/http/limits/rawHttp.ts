import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A bare HTTP/1.1 connection for tests that must see what happens on one socket: several requests
 * on it, what the server does to it between them, and when it closes. Undici and Node's agent would
 * hide exactly that (they retry, pool and reconnect).
 */
export class RawConnection {
  readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  /** Resolves when the server (or the network) closed the socket. */
  readonly closed: Promise<void>;
  ended = false;

  constructor(port: number, localAddress = '127.0.0.1') {
    this.socket = connect({ port, host: '127.0.0.1', localAddress });
    this.socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
    this.socket.on('error', () => {}); // a reset shows as `closed`; the test checks what it read
    this.closed = new Promise((resolve) =>
      this.socket.on('close', () => {
        this.ended = true;
        this.waiter?.();
        resolve();
      }),
    );
  }

  ready(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === 'open') resolve();
      else this.socket.once('connect', () => resolve());
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** One request: method, path, headers and an optional body with its Content-Length. */
  send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): void {
    const all = {
      host: 'localhost',
      ...headers,
      ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    };
    const head = Object.entries(all)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    this.write(`${method} ${path} HTTP/1.1\r\n${head}\r\n`);
    if (body !== undefined) this.write(body);
  }

  private async more(): Promise<void> {
    if (this.ended) throw new Error(`socket closed; unread: ${this.buffer.toString().slice(0, 200)}`);
    await new Promise<void>((resolve) => {
      this.waiter = resolve;
    });
    this.waiter = null;
  }

  /** The next complete response on the socket (Content-Length or chunked). */
  async response(): Promise<RawResponse> {
    let end = this.buffer.indexOf('\r\n\r\n');
    while (end < 0) {
      await this.more();
      end = this.buffer.indexOf('\r\n\r\n');
    }
    const [statusLine, ...lines] = this.buffer.subarray(0, end).toString().split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    this.buffer = this.buffer.subarray(end + 4);
    const body =
      headers['transfer-encoding'] === 'chunked'
        ? await this.chunked()
        : await this.fixed(Number(headers['content-length'] ?? 0));
    return { status: Number(statusLine!.split(' ')[1]), headers, body };
  }

  private async fixed(length: number): Promise<string> {
    while (this.buffer.length < length) await this.more();
    const body = this.buffer.subarray(0, length).toString();
    this.buffer = this.buffer.subarray(length);
    return body;
  }

  private async chunked(): Promise<string> {
    let body = '';
    for (;;) {
      let line = this.buffer.indexOf('\r\n');
      while (line < 0) {
        await this.more();
        line = this.buffer.indexOf('\r\n');
      }
      const size = Number.parseInt(this.buffer.subarray(0, line).toString(), 16);
      while (this.buffer.length < line + 2 + size + 2) await this.more();
      body += this.buffer.subarray(line + 2, line + 2 + size).toString();
      this.buffer = this.buffer.subarray(line + 2 + size + 2);
      if (size === 0) return body;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
