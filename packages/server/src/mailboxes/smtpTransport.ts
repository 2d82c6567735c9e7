import {
  checkSmtpSecurity,
  parseSmtpReply,
  type RejectedRecipient,
  type SmtpReply,
  type SmtpSecurity,
} from '@sendwell/core';
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';

/** What reaching an SMTP server takes: a channel's settings, or the legacy hosted server's. */
export interface SmtpEndpoint {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  /** Accept a self-signed certificate (a test server on loopback). */
  allowSelfSigned?: boolean;
}

/** Generous for a slow submission server, short enough that a dead one does not hold a lane for long. */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 120_000;

/**
 * Nodemailer connection options for an endpoint. STARTTLS is required (no silent fall back to
 * plain text), implicit TLS starts encrypted, and `none` ignores STARTTLS on purpose: it is only
 * allowed on loopback (callers check `plaintextRefusal` first). AUTH is forced on encrypted
 * channels so a server that stops offering it fails loudly instead of relaying anonymously; a
 * loopback relay (Postfix on 127.0.0.1) may take mail without a login.
 */
export function smtpConnectionOptions(endpoint: SmtpEndpoint, password: string): SMTPTransportOptions {
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    requireTLS: endpoint.security === 'starttls',
    ignoreTLS: endpoint.security === 'none',
    forceAuth: endpoint.security !== 'none',
    auth: { user: endpoint.username, pass: password },
    tls: { rejectUnauthorized: !endpoint.allowSelfSigned, minVersion: 'TLSv1.2' },
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    logger: false,
  };
}

/** Why these settings may not be used (plain text to a host off this machine), or null. */
export function plaintextRefusal(endpoint: SmtpEndpoint): string | null {
  return checkSmtpSecurity(endpoint.host, endpoint.security)?.message ?? null;
}

/** The fields of a nodemailer error we read (its `code` is nodemailer's, e.g. `EAUTH`). */
export interface SmtpErrorFields {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  recipient?: string;
  rejectedErrors?: unknown[];
  message: string;
}

export function smtpErrorFields(error: unknown): SmtpErrorFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Partial<SmtpErrorFields>;
  return {
    code: typeof fields.code === 'string' ? fields.code : undefined,
    response: typeof fields.response === 'string' ? fields.response : undefined,
    responseCode: typeof fields.responseCode === 'number' ? fields.responseCode : undefined,
    command: typeof fields.command === 'string' ? fields.command : undefined,
    recipient: typeof fields.recipient === 'string' ? fields.recipient : undefined,
    rejectedErrors: Array.isArray(fields.rejectedErrors) ? fields.rejectedErrors : undefined,
    message: error.message,
  };
}

/** The server's reply carried by a nodemailer error, when the server said something. */
export function replyOf(error: unknown): SmtpReply | null {
  const { response } = smtpErrorFields(error);
  return response ? parseSmtpReply(response) : null;
}

/** Recipients the server refused at RCPT TO, with the status a bounce record needs. */
export function rejectedRecipients(errors: readonly unknown[] | undefined): RejectedRecipient[] {
  return (errors ?? []).flatMap((error) => {
    const fields = smtpErrorFields(error);
    const reply = replyOf(error);
    if (!fields.recipient || !reply) return [];
    const status = reply.enhanced ?? `${String(reply.code).charAt(0)}.0.0`;
    return [{ recipient: fields.recipient, status, diagnostic: fields.response?.trim() ?? '' }];
  });
}

/** Failures of the connection itself (no server reply): nothing was said about the message. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROTOCOL']);

export function isConnectionFailure(error: unknown): boolean {
  const fields = smtpErrorFields(error);
  return fields.responseCode === undefined && CONNECTION_CODES.has(fields.code ?? '');
}

/** Certificate and handshake problems: the TLS layer's own codes, or nodemailer's ETLS. */
export function isTlsFailure(error: unknown): boolean {
  const { code, message } = smtpErrorFields(error);
  const original = (error as { originalCode?: unknown } | null)?.originalCode;
  const codes = [code, typeof original === 'string' ? original : ''].join(' ');
  return (
    code === 'ETLS' ||
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|ERR_TLS|HOSTNAME_MISMATCH/.test(codes) ||
    /certificate|ssl routines|tls/i.test(message)
  );
}
