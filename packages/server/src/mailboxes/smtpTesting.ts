import type { AddressInfo, Socket } from 'node:net';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerOptions,
  type SMTPServerSession,
} from 'smtp-server';

/** What a loopback test server saw of one message: the envelope as sent, the auth user, the MIME. */
interface ReceivedSmtpMessage {
  /** Which TCP connection carried it (pooled sends share one). */
  connectionId: string;
  user: string | undefined;
  mailFrom: string;
  /** MAIL FROM parameters (RET, ENVID, …), `{}` when none were given. */
  mailFromArgs: Record<string, string>;
  rcptTo: { address: string; args: Record<string, string> }[];
  raw: string;
}

/** A refusal the test server answers with, e.g. `{ code: 550, text: '5.1.1 User unknown' }`. */
export interface SmtpRefusal {
  code: number;
  text: string;
}

export interface TestSmtpServerOptions {
  /** Implicit TLS (smtp-server's built-in self-signed certificate). */
  secure?: boolean;
  /** No STARTTLS at all (hiding it is not enough: clients that require TLS try it anyway). */
  noStartTls?: boolean;
  hideDSN?: boolean;
  /** The SIZE the server advertises, in bytes. */
  size?: number;
  /** No AUTH at all (a loopback relay such as Postfix on 127.0.0.1). */
  noAuth?: boolean;
  /** The one username/password the server accepts. */
  credentials?: { username: string; password: string };
  /** Greet every client with this refusal instead of 220. */
  refuseConnection?: SmtpRefusal;
  /** Refuse some recipients at RCPT TO. */
  refuseRecipient?: (address: string) => SmtpRefusal | null;
  /** Refuse the message after DATA. */
  refuseData?: () => SmtpRefusal | null;
  /** Read the whole message, then hang up without answering (did it go out? the client cannot know). */
  dropAfterData?: boolean;
}

export interface TestSmtpServer {
  port: number;
  messages: ReceivedSmtpMessage[];
  /** Ids of every TCP connection opened so far. */
  connections: string[];
  /** Ids of the connections that have closed. */
  closed: string[];
  close(): Promise<void>;
}

const refusalError = ({ code, text }: SmtpRefusal) => Object.assign(new Error(text), { responseCode: code });
const argsOf = (address: SMTPServerAddress): Record<string, string> =>
  address.args
    ? Object.fromEntries(Object.entries(address.args).map(([k, v]) => [k.toUpperCase(), String(v)]))
    : {};

/** The message as accepted: envelope, parameters and MIME. */
function received(session: SMTPServerSession, raw: string): ReceivedSmtpMessage {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    connectionId: session.id,
    user: typeof session.user === 'string' ? session.user : undefined,
    mailFrom: mailFrom ? mailFrom.address : '',
    mailFromArgs: mailFrom ? argsOf(mailFrom) : {},
    rcptTo: rcptTo.map((r) => ({ address: r.address, args: argsOf(r) })),
    raw,
  };
}

interface Recorder {
  messages: ReceivedSmtpMessage[];
  connections: string[];
  closed: string[];
  hangUp(sessionId: string): void;
}

/** smtp-server options that behave as `options` asks and record into `record`. */
function serverOptionsFor(options: TestSmtpServerOptions, record: Recorder): SMTPServerOptions {
  const credentials = options.credentials ?? { username: 'rep', password: 'secret' };
  return {
    secure: options.secure ?? false,
    hideDSN: options.hideDSN ?? false,
    ...(options.size ? { size: options.size, rejectOversized: true } : {}),
    authOptional: options.noAuth ?? false,
    disabledCommands: [...(options.noAuth ? ['AUTH'] : []), ...(options.noStartTls ? ['STARTTLS'] : [])],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onConnect(session, callback) {
      record.connections.push(session.id);
      callback(options.refuseConnection ? refusalError(options.refuseConnection) : undefined);
    },
    onClose(session) {
      record.closed.push(session.id);
    },
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.username && auth.password === credentials.password)
        return callback(null, { user: auth.username });
      return callback(refusalError({ code: 535, text: '5.7.8 Authentication credentials invalid' }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      callback(refusal ? refusalError(refusal) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.dropAfterData) return record.hangUp(session.id);
        // Too big: the server answers 552 itself (rejectOversized); nothing was accepted.
        if (stream.sizeExceeded) return callback(refusalError({ code: 552, text: '5.3.4 Message too big' }));
        const refusal = options.refuseData?.();
        if (refusal) return callback(refusalError(refusal));
        record.messages.push(received(session, Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  };
}

/** A real smtp-server on 127.0.0.1 and a free port, recording what it accepts. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const record: Recorder = {
    messages: [],
    connections: [],
    closed: [],
    hangUp: (sessionId) => {
      for (const connection of server.connections)
        if (connection.id === sessionId) (connection as unknown as { _socket: Socket })._socket.destroy();
    },
  };
  const server = new SMTPServer(serverOptionsFor(options, record));
  // A client that hangs up mid-handshake (a refused certificate) is a test's point, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages: record.messages,
    connections: record.connections,
    closed: record.closed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
