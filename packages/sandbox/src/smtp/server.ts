import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import type { Sandbox } from '../sandbox';
import { SANDBOX_SMTP_PASSWORD, type SandboxSmtpMessage, type SmtpDsnParams } from './desk';
import { SANDBOX_SMTP_HOST } from './postfixDsn';

/** SIZE advertised and enforced (552 5.3.4 over it). */
const SANDBOX_SMTP_MAX_BYTES = 10 * 1024 * 1024;

export interface SandboxSmtpOptions {
  sandbox: Sandbox;
  /** 0 = any free port. */
  port: number;
  host?: string;
}

export interface SandboxSmtp {
  /** The port it listens on (the real one when 0 was asked). */
  port: number;
  close(): Promise<void>;
  /** Every message accepted so far (what `GET /sandbox/smtp/messages` shows). */
  accepted(): SandboxSmtpMessage[];
}

/** An SMTP reply with the enhanced code written by us (smtp-server's own table says 5.1.1 for any 550). */
function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

function dsnOf(session: SMTPServerSession): SmtpDsnParams {
  const ret = session.envelope.dsn?.ret?.toUpperCase();
  const notify: Record<string, string[]> = {};
  for (const rcpt of session.envelope.rcptTo)
    if (rcpt.dsn?.notify) notify[rcpt.address.toLowerCase()] = rcpt.dsn.notify;
  return {
    ret: ret === 'FULL' || ret === 'HDRS' ? ret : null,
    envid: session.envelope.dsn?.envid ?? null,
    notify,
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const addressOf = (a: SMTPServerAddress | false) => (a ? a.address : '');

/**
 * The sandbox's SMTP server: one port, two roles, as a real MTA. With AUTH (PLAIN/LOGIN, password
 * `sandbox`) it relays anywhere: the sandbox's relay and Sendwell's legacy hosted server. Without
 * AUTH it is the MX of the sandbox people's addresses only (550 5.7.1 otherwise): how a real MTA's
 * DSNs (Postfix in CI) reach a rep's sandbox inbox. STARTTLS is offered with smtp-server's built-in
 * self-signed certificate; AUTH is also allowed without it, for loopback lanes with security none.
 */
export async function startSandboxSmtp(options: SandboxSmtpOptions): Promise<SandboxSmtp> {
  const desk = options.sandbox.smtp;
  const server = new SMTPServer({
    name: SANDBOX_SMTP_HOST,
    banner: 'Sendwell sandbox SMTP',
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: true,
    allowInsecureAuth: true,
    size: SANDBOX_SMTP_MAX_BYTES,
    rejectOversized: true,
    hideDSN: false,
    // Our replies carry their own enhanced codes (see smtpError); smtp-server's table would add a second.
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    // Sendwell keeps pooled connections open: close them after a second instead of smtp-server's 30.
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      if (auth.password === SANDBOX_SMTP_PASSWORD) return callback(null, { user: auth.username });
      callback(smtpError(535, '5.7.8 Error: authentication failed: the sandbox password is "sandbox"'));
    },
    onRcptTo(address, session, callback) {
      if (session.user || desk.isLocal(address.address)) return callback();
      callback(smtpError(550, `5.7.1 <${address.address}>: Relay access denied`));
    },
    onData(stream, session, callback) {
      readAll(stream).then(
        (raw) => {
          if (stream.sizeExceeded)
            return callback(smtpError(552, '5.3.4 Error: message exceeds fixed maximum message size'));
          const accepted = desk.accept({
            role: session.user ? 'relay' : 'mx',
            authUser: typeof session.user === 'string' ? session.user : null,
            mailFrom: addressOf(session.envelope.mailFrom),
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            dsn: dsnOf(session),
            raw,
          });
          callback(null, `2.0.0 Ok: queued as ${accepted.id}`);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  desk.port = port;
  return {
    port,
    accepted: () => desk.messages(),
    close: () =>
      new Promise<void>((resolve) => {
        desk.port = null;
        server.close(() => resolve());
      }),
  };
}
