import { escapeHtml } from '@sendwell/core';
import type { Grant } from '../identity/oauth/grants';
import type { SandboxUser } from '../users';

export interface DevUserRow {
  user: SandboxUser;
  grants: Grant[];
}

function grantsCell(grants: Grant[]): string {
  if (!grants.length) return 'No access granted';
  return grants.map((g) => `${g.provider} client ${g.clientId}: ${g.scopes.join(' ')}`).join('; ');
}

function row({ user, grants }: DevUserRow, action: (path: string) => string): string {
  const id = escapeHtml(user.id);
  const form = (path: string, label: string, testid: string) =>
    `<form method="post" action="${escapeHtml(action(path))}"><input type="hidden" name="userId" value="${id}"><button type="submit" data-testid="${testid}-${id}" aria-label="${escapeHtml(`${label} for ${user.name}`)}">${escapeHtml(label)}</button></form>`;
  return `<tr data-testid="dev-user-${id}">
<th scope="row">${escapeHtml(user.name)}<br><small>${escapeHtml(user.email)}</small></th>
<td>${escapeHtml(user.provider)} (${escapeHtml(user.tenantName)})</td>
<td data-testid="dev-grants-${id}">${escapeHtml(grantsCell(grants))}</td>
<td>${form('/dev/revoke', "Revoke Sendwell's access", 'dev-revoke')}${form('/dev/password', 'Change password', 'dev-password')}</td>
</tr>`;
}

/**
 * The sandbox's "account settings": remove an app's access, change a password; `sections` is more
 * HTML for the page's end (the SMTP server's section).
 */
export function devPage(rows: DevUserRow[], notice: string | null, baseUrl: string, sections = ''): string {
  const action = (path: string) => `${baseUrl}${path}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sandbox accounts</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}form{display:inline;margin-right:.5rem}
[role=status]{background:#e6f4ea;border:1px solid #34a853;padding:.5rem 1rem;display:inline-block}</style></head>
<body><main>
<h1>Sandbox accounts</h1>
<p>What a rep can do in their Microsoft or Google account settings, for the demo and the tests.</p>
${notice ? `<p role="status" data-testid="dev-notice">${escapeHtml(notice)}</p>` : ''}
<table>
<thead><tr><th scope="col">Person</th><th scope="col">Account</th><th scope="col">Apps with access</th><th scope="col">Actions</th></tr></thead>
<tbody>${rows.map((r) => row(r, action)).join('')}</tbody>
</table>
${sections}
</main></body>
</html>`;
}
