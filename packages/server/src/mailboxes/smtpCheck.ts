import { randomUUID } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { classifySmtpReply, describeSmtpReply, MailboxAuthError, type SubmitResult } from '@sendwell/core';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { SmtpMailbox } from './smtpMailbox';
import {
  isTlsFailure,
  plaintextRefusal,
  replyOf,
  type SmtpEndpoint,
  smtpConnectionOptions,
  smtpErrorFields,
} from './smtpTransport';

export type SmtpCheckStepName = 'connect' | 'ehlo' | 'tls' | 'auth';

/** One step of reaching the server, so a person sees which one failed and why. */
interface SmtpCheckStep {
  step: SmtpCheckStepName;
  ok: boolean;
  detail: string;
}

/** The steps reached, in the order they ran (the failed one is the last), and what the server offers. */
export interface SmtpCheckReport {
  ok: boolean;
  steps: SmtpCheckStep[];
  /** The EHLO keywords as the server advertised them (`SIZE 10485760`, `DSN`, `AUTH PLAIN LOGIN`…). */
  extensions: string[];
  /** Whether the server takes delivery status notification requests (bounce notices with our id). */
  dsn: boolean;
  /** The largest message the server accepts, in bytes, when it says. */
  size: number | null;
}

const TEST_SUBJECT = 'Sendwell test email';
const TEST_BODY =
  '<p>This is a test email from Sendwell: the SMTP channel settings work, and this server accepted a message for delivery.</p>';

/**
 * Connects, greets, encrypts and signs in the way a send would, and reports each step. Never
 * throws for a server's answer: a check that fails is a report with `ok: false`.
 */
export async function checkSmtp(settings: SmtpEndpoint, password: string): Promise<SmtpCheckReport> {
  const refusal = plaintextRefusal(settings);
  if (refusal) return report([{ step: 'connect', ok: false, detail: refusal }], []);
  const connection = new SMTPConnection(smtpConnectionOptions(settings, password));
  // Errors arrive through the step promises below; this keeps a late one from going unhandled.
  connection.on('error', () => undefined);
  try {
    const failure = await connect(connection);
    if (failure) return report(connectFailureSteps(settings, failure), []);
    const extensions = ehloExtensions(connection.lastServerResponse);
    const steps = [
      ...connectedSteps(settings, connection, extensions),
      await signIn(settings, connection, password),
    ];
    return report(steps, extensions);
  } finally {
    connection.close();
  }
}

/** Sends one plain test email through the settings, closing the connection afterwards. */
export async function sendTestEmail(
  settings: SmtpEndpoint,
  password: string,
  email: { from: string; to: string; subject?: string },
): Promise<SubmitResult> {
  const mailbox = new SmtpMailbox({ settings, password: async () => password, address: email.from });
  const domain = email.from.split('@')[1] || 'sendwell.invalid';
  try {
    return await mailbox.send({
      sendwellId: `test-${randomUUID()}`,
      messageId: `${randomUUID()}@${domain}`,
      from: email.from,
      to: [email.to],
      subject: email.subject ?? TEST_SUBJECT,
      html: TEST_BODY,
    });
  } catch (error) {
    // A check-and-test flow shows the refusal; only a lane's sends wait for a fixed password.
    if (error instanceof MailboxAuthError)
      return { status: 'failed', retryable: false, detail: error.message };
    throw error;
  } finally {
    await mailbox.close();
  }
}

function report(steps: SmtpCheckStep[], extensions: string[]): SmtpCheckReport {
  const size = extensions.map((e) => e.match(/^SIZE\s+(\d+)/i)?.[1]).find(Boolean);
  return {
    ok: steps.every((s) => s.ok),
    steps,
    extensions,
    dsn: extensions.some((e) => /^DSN$/i.test(e)),
    size: size ? Number(size) : null,
  };
}

/** Greeting, EHLO and STARTTLS (or the TLS handshake): null when all went well, else the error. */
function connect(connection: SMTPConnection): Promise<unknown> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: unknown) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    connection.once('error', settle);
    connection.once('end', () => settle(new Error('The server closed the connection')));
    connection.connect((error) => settle(error ?? null));
  });
}

/** The keywords of the last EHLO reply (the one after STARTTLS), without the greeting line. */
function ehloExtensions(reply: string | false): string[] {
  if (!reply) return [];
  return reply
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.replace(/^\d{3}[ -]/, '').trim())
    .filter(Boolean);
}

/** What the server answered (its own words), or what went wrong when it said nothing. */
const said = (error: unknown) => {
  const reply = replyOf(error);
  return reply ? `the server answered ${describeSmtpReply(reply)}` : smtpErrorFields(error).message;
};

/** Which step a failed connect stopped at: the ones before it went well. */
function connectFailureSteps(settings: SmtpEndpoint, error: unknown): SmtpCheckStep[] {
  const where = `${settings.host}:${settings.port}`;
  const connected: SmtpCheckStep = { step: 'connect', ok: true, detail: `Connected to ${where}.` };
  const greeted: SmtpCheckStep = { step: 'ehlo', ok: true, detail: 'The server answered EHLO.' };
  const { command } = smtpErrorFields(error);
  if (isTlsFailure(error)) {
    const tls: SmtpCheckStep = { step: 'tls', ok: false, detail: tlsFailureDetail(settings, error) };
    return settings.security === 'starttls' ? [connected, greeted, tls] : [connected, tls];
  }
  if (command === 'EHLO' || command === 'HELO' || command === 'LHLO') {
    const ehlo: SmtpCheckStep = {
      step: 'ehlo',
      ok: false,
      detail: `EHLO failed: ${said(error)}.`,
    };
    return settings.security === 'tls'
      ? [connected, { step: 'tls', ok: true, detail: 'Encrypted.' }, ehlo]
      : [connected, ehlo];
  }
  return [{ step: 'connect', ok: false, detail: `Could not connect to ${where}: ${said(error)}.` }];
}

function tlsFailureDetail(settings: SmtpEndpoint, error: unknown): string {
  const { command } = smtpErrorFields(error);
  if (command === 'STARTTLS' && replyOf(error))
    return `The server does not offer STARTTLS, which this channel requires (${said(error)}).`;
  const hint = settings.allowSelfSigned
    ? ''
    : ' If this is a test server with a self-signed certificate, allow self-signed certificates.';
  return `TLS with the server failed: ${smtpErrorFields(error).message}.${hint}`;
}

function connectedSteps(
  settings: SmtpEndpoint,
  connection: SMTPConnection,
  extensions: string[],
): SmtpCheckStep[] {
  const connected: SmtpCheckStep = {
    step: 'connect',
    ok: true,
    detail: `Connected to ${settings.host}:${settings.port}.`,
  };
  const ehlo: SmtpCheckStep = {
    step: 'ehlo',
    ok: true,
    detail: `The server answered EHLO with ${extensions.length} extension${extensions.length === 1 ? '' : 's'}.`,
  };
  const tls: SmtpCheckStep = { step: 'tls', ok: true, detail: tlsDetail(settings, connection) };
  return settings.security === 'tls' ? [connected, tls, ehlo] : [connected, ehlo, tls];
}

function tlsDetail(settings: SmtpEndpoint, connection: SMTPConnection): string {
  if (settings.security === 'none')
    return 'Not encrypted: allowed only because the server is on this machine.';
  const socket = connection._socket as TLSSocket | false | null;
  const protocol = socket && typeof socket.getProtocol === 'function' ? socket.getProtocol() : null;
  const how = settings.security === 'tls' ? 'TLS from the start' : 'STARTTLS';
  const unverified = settings.allowSelfSigned
    ? ' The certificate was not verified (self-signed allowed).'
    : '';
  return `Encrypted with ${how}${protocol ? ` (${protocol})` : ''}.${unverified}`;
}

async function signIn(
  settings: SmtpEndpoint,
  connection: SMTPConnection,
  password: string,
): Promise<SmtpCheckStep> {
  if (!connection.allowsAuth) {
    if (settings.security === 'none')
      return { step: 'auth', ok: true, detail: 'The server on this machine takes mail without a login.' };
    return {
      step: 'auth',
      ok: false,
      detail:
        'The server does not offer a login (AUTH), so Sendwell cannot sign in with this username and password.',
    };
  }
  const error = await new Promise<unknown>((resolve) => {
    connection.once('error', resolve);
    connection.login({ user: settings.username, pass: password }, (err) => resolve(err ?? null));
  });
  if (!error) return { step: 'auth', ok: true, detail: `Signed in as ${settings.username}.` };
  const reply = replyOf(error);
  const verdict = reply ? classifySmtpReply(reply) : null;
  if (verdict?.outcome === 'auth') return { step: 'auth', ok: false, detail: verdict.detail };
  return { step: 'auth', ok: false, detail: `Signing in failed: ${said(error)}.` };
}
