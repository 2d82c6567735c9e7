/**
 * The lab's "remote MX": a deliberately small SMTP server on loopback whose answer to each
 * recipient comes from replies.ts (by local part), at RCPT, right after DATA or after the final dot,
 * written on the wire byte for byte (multi-line replies included). Raw sockets rather than
 * smtp-server because we need exact reply lines and the ability to fall silent (stall) mid-session.
 * Unknown local parts are accepted (250) and the message is discarded.
 */
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { type ReplyRow, type ReplyStage, replyFor, wireReply } from './replies';

/** Where a stalling remote falls silent: before its greeting, or after the message's final dot. */
type StallPoint = 'greeting' | 'end-of-data';

interface RemoteOptions {
  /** 0 = any free port (tests). */
  port: number;
  /** The name in the greeting and EHLO reply. */
  hostname?: string;
  /** Never answer from this point on (the client's timeout decides): the "timeout" scenarios. */
  stallAt?: StallPoint;
}

export interface RemoteMx {
  port: number;
  /** Recipients whose message the remote accepted (a 250 after the final dot). */
  accepted: string[];
  close(): Promise<void>;
}

interface Session {
  rows: ReplyRow[];
  recipients: string[];
  inData: boolean;
  /** Silent for good (stallAt end-of-data): a pipelined QUIT must not be taken for the dot's answer. */
  stalled: boolean;
}

const addressIn = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? '';

/** The first refusal among this transaction's recipients at a stage, if any. */
const refusalAt = (session: Session, stage: ReplyStage) => session.rows.find((row) => row.stage === stage);

/** The reply to one command line (CRLF-terminated), or '' to say nothing. */
function answerCommand(socket: Socket, line: string, session: Session, hostname: string): string {
  const verb = line.slice(0, 4).toUpperCase();
  switch (verb) {
    case 'EHLO':
      return `250-${hostname}\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n`;
    case 'HELO':
      return `250 ${hostname}\r\n`;
    case 'MAIL':
    case 'RSET':
      Object.assign(session, { rows: [], recipients: [] });
      return verb === 'MAIL' ? '250 2.1.0 Ok\r\n' : '250 2.0.0 Ok\r\n';
    case 'RCPT':
      return answerRcpt(socket, addressIn(line), session);
    case 'DATA':
      return answerData(session);
    case 'NOOP':
      return '250 2.0.0 Ok\r\n';
    case 'QUIT':
      socket.end('221 2.0.0 Bye\r\n');
      return '';
    default:
      return '502 5.5.2 Error: command not recognized\r\n';
  }
}

function answerData(session: Session): string {
  const refusal = refusalAt(session, 'data');
  if (refusal) return wireReply(refusal.code, refusal.lines);
  if (session.recipients.length === 0) return '554 5.5.1 Error: no valid recipients\r\n';
  session.inData = true;
  return '354 End data with <CR><LF>.<CR><LF>\r\n';
}

function answerRcpt(socket: Socket, address: string, session: Session): string {
  const row = replyFor(address);
  if (row?.stage === 'rcpt') {
    // A 421 closes the session, as real servers do after it.
    if (row.code === 421) socket.end(wireReply(row.code, row.lines));
    return row.code === 421 ? '' : wireReply(row.code, row.lines);
  }
  if (row) session.rows.push(row);
  session.recipients.push(address.toLowerCase());
  return '250 2.1.5 Ok\r\n';
}

function endOfData(socket: Socket, session: Session, remote: RemoteMx, stallAt?: StallPoint): void {
  session.inData = false;
  if (stallAt === 'end-of-data') {
    session.stalled = true;
    return;
  }
  const refusal = refusalAt(session, 'end-of-data');
  if (refusal) return void socket.write(wireReply(refusal.code, refusal.lines));
  remote.accepted.push(...session.recipients);
  socket.write('250 2.0.0 Ok: queued as 4Q1ab2CdEfz\r\n');
}

/** Start a remote MX on 127.0.0.1:port (see RemoteOptions for the stall modes). */
export async function startRemoteMx(options: RemoteOptions): Promise<RemoteMx> {
  const hostname = options.hostname ?? 'mx.remote.test';
  const sockets = new Set<Socket>();
  const remote: RemoteMx = { port: options.port, accepted: [], close: () => closeServer(server, sockets) };
  // allowHalfOpen: a client that half-closes after a pipelined QUIT (Exim does) must still wait for us.
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (options.stallAt === 'greeting') return;
    const session: Session = { rows: [], recipients: [], inData: false, stalled: false };
    let buffered = '';
    socket.setEncoding('latin1');
    socket.write(`220 ${hostname} ESMTP\r\n`);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (socket.writableEnded || session.stalled) return;
        if (!session.inData) {
          const reply = answerCommand(socket, line, session, hostname);
          if (reply) socket.write(reply);
        } else if (line === '.') endOfData(socket, session, remote, options.stallAt);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  remote.port = (server.address() as AddressInfo).port;
  return remote;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
