import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { SANDBOX_SMTP_PASSWORD } from './desk';

/** A nodemailer client for the sandbox relay (STARTTLS when offered, the built-in certificate trusted). */
export function relayClient(port: number, password = SANDBOX_SMTP_PASSWORD) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user: 'sendwell', pass: password },
    tls: { rejectUnauthorized: false },
  });
}

/** A client without AUTH: how another MTA (Postfix) hands mail to the sandbox as its MX. */
export function mxClient(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

/**
 * A raw SMTP conversation: sends each command and collects each (possibly multi-line) reply, so a
 * test reads the exact codes and the EHLO extension list the server answers.
 */
export async function converse(port: number, commands: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const waiters: ((reply: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      const end = /^\d{3} .*\r\n/m.exec(buffer);
      if (!end) break;
      const cut = end.index + end[0].length;
      waiters.shift()?.(buffer.slice(0, cut).trimEnd());
      buffer = buffer.slice(cut);
    }
  });
  const next = () => new Promise<string>((resolve) => waiters.push(resolve));
  const replies = [await next()];
  for (const command of commands) {
    const reply = next();
    socket.write(`${command}\r\n`);
    replies.push(await reply);
  }
  socket.end();
  return replies;
}
