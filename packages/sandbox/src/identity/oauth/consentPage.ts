import { escapeHtml } from '@sendwell/core';
import type { SandboxUser } from '../../users';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}ul{padding-left:1.2rem}li{margin:.3rem 0}label{display:block;margin:1rem 0 .3rem;font-weight:600}
select{font-size:1rem;padding:.3rem;width:100%}.actions{margin-top:1.5rem;display:flex;gap:.75rem}
button{font-size:1rem;padding:.5rem 1.2rem}.note{color:#555;font-size:.85rem;margin-top:2rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export interface ConsentView {
  /** e.g. "Microsoft" or "Google" */
  providerName: string;
  appName: string;
  /** Where the form posts (the authorize URL itself). */
  action: string;
  /** Id of the pending authorization request the sandbox keeps server-side. */
  requestId: string;
  accounts: SandboxUser[];
  selected: string | undefined;
  /** The requested permissions in words. */
  permissions: string[];
}

/** A plain consent page: pick the account, read what is asked, Accept or Cancel. */
export function consentPage(view: ConsentView): string {
  const options = view.accounts
    .map(
      (u) =>
        `<option value="${escapeHtml(u.id)}"${u.id === view.selected ? ' selected' : ''}>${escapeHtml(
          `${u.name} (${u.email})`,
        )}</option>`,
    )
    .join('');
  const permissions = view.permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  const title = `${view.providerName}: ${view.appName} wants access to your account`;
  return page(
    title,
    `<h1>${escapeHtml(view.appName)} wants to access your ${escapeHtml(view.providerName)} account</h1>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="request" value="${escapeHtml(view.requestId)}">
<label for="account">Account</label>
<select id="account" name="account" data-testid="consent-account">${options}</select>
<h2 id="permissions-heading">${escapeHtml(view.appName)} will be able to:</h2>
<ul aria-labelledby="permissions-heading" data-testid="consent-permissions">${permissions}</ul>
<div class="actions">
<button type="submit" name="decision" value="accept" data-testid="consent-accept">Accept</button>
<button type="submit" name="decision" value="cancel" data-testid="consent-cancel">Cancel</button>
</div>
</form>
<p class="note">Sandbox sign-in: no password is asked.</p>`,
  );
}

/** The provider's own error page (never a redirect to a URI it does not trust). */
export function errorPage(title: string, heading: string, lines: string[]): string {
  return page(
    title,
    `<h1 data-testid="oauth-error">${escapeHtml(heading)}</h1>${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}`,
  );
}
