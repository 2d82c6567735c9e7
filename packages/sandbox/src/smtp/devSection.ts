import { escapeHtml } from '@sendwell/core';
import { SANDBOX_SMTP_PASSWORD, type SandboxSmtpMessage, type SmtpDesk } from './desk';

/** How many of the latest messages the dev page lists (the JSON route has them all). */
const SHOWN = 20;

function fate(m: SandboxSmtpMessage): string {
  const parts = [
    m.deliveredTo.length ? `inbox of ${m.deliveredTo.join(', ')}` : '',
    m.noticesFor.length ? `notice for ${m.noticesFor.join(', ')} to ${m.envelope.mailFrom}` : '',
    m.leftSandbox.length ? `left the sandbox: ${m.leftSandbox.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ') || 'nowhere';
}

function row(m: SandboxSmtpMessage): string {
  const dsn = [m.dsn.ret && `RET=${m.dsn.ret}`, m.dsn.envid && `ENVID=${m.dsn.envid}`]
    .filter(Boolean)
    .join(' ');
  return `<tr data-testid="dev-smtp-message">
<td>${escapeHtml(m.receivedAt)}</td>
<td>${escapeHtml(m.role === 'relay' ? `relay (AUTH ${m.authUser ?? ''})` : 'MX')}</td>
<td>${escapeHtml(m.envelope.mailFrom || '<>')}</td>
<td>${escapeHtml(m.envelope.rcptTo.join(', '))}</td>
<td>${escapeHtml(m.subject)}</td>
<td>${escapeHtml(dsn || '—')}</td>
<td>${escapeHtml(fate(m))}</td>
</tr>`;
}

/** The `/sandbox/dev` section about the SMTP server: where it listens, how to log in, what came in. */
export function smtpDevSection(desk: SmtpDesk, baseUrl: string): string {
  const status =
    desk.port === null
      ? 'The SMTP server is not running (sandbox mode starts it when SENDWELL_SANDBOX_SMTP_PORT is not "off").'
      : `Listening on 127.0.0.1:${desk.port}. Relay: AUTH PLAIN or LOGIN, any username, password "${SANDBOX_SMTP_PASSWORD}", STARTTLS offered (self-signed). Without AUTH it is the MX of the people above only.`;
  const latest = desk.messages().slice(-SHOWN).reverse();
  const table = latest.length
    ? `<table><thead><tr><th scope="col">Received</th><th scope="col">Role</th><th scope="col">MAIL FROM</th><th scope="col">RCPT TO</th><th scope="col">Subject</th><th scope="col">DSN</th><th scope="col">Went to</th></tr></thead>
<tbody>${latest.map(row).join('')}</tbody></table>`
    : '<p>No message yet.</p>';
  return `<section aria-labelledby="dev-smtp-title" data-testid="dev-smtp">
<h2 id="dev-smtp-title">SMTP server</h2>
<p data-testid="dev-smtp-status">${escapeHtml(status)}</p>
${table}
<p><a href="${escapeHtml(`${baseUrl}/smtp/messages`)}">All messages as JSON</a></p>
</section>`;
}
