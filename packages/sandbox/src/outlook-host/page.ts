/** The fake Outlook compose window's HTML. Pure: the routes add headers and serve the scripts. */

export interface HostPageConfig {
  /** The pane's page, e.g. `/outlook/taskpane.html`; `sandbox=1` is added here. */
  paneUrl: string;
  /** The sandbox dev endpoints (`/users`, `/token`). */
  devBase: string;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

/** JSON inside <script type="application/json">: `<` escaped so no `</script>` can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function sandboxPaneUrl(paneUrl: string): string {
  const [path, hash] = paneUrl.split('#', 2) as [string, string | undefined];
  const withFlag = `${path}${path.includes('?') ? '&' : '?'}sandbox=1`;
  return hash === undefined ? withFlag : `${withFlag}#${hash}`;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px 'Segoe UI', system-ui, sans-serif; color: #242424; background: #f5f5f5; height: 100vh; display: flex; flex-direction: column; }
  header { background: #0f6cbd; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; white-space: nowrap; }
  header h1 small { font-weight: 400; }
  header label { display: flex; gap: 6px; align-items: center; white-space: nowrap; }
  #host-status { font-size: 12px; opacity: .9; margin-left: auto; }
  #host-status[data-state=error] { background: #fde7e9; color: #a80000; padding: 2px 8px; border-radius: 4px; }
  main { flex: 1; display: flex; min-height: 0; }
  .compose { flex: 1; display: flex; flex-direction: column; background: #fff; margin: 12px; border: 1px solid #e0e0e0; border-radius: 4px; }
  .row { display: flex; border-bottom: 1px solid #edebe9; align-items: center; }
  .row label { width: 72px; padding: 8px 12px; color: #616161; }
  .row input { flex: 1; border: 0; padding: 8px; font: inherit; outline: none; }
  .body { flex: 1; padding: 12px; overflow: auto; outline: none; }
  .pane { width: 380px; display: flex; flex-direction: column; border-left: 1px solid #e0e0e0; background: #fff; }
  .pane-title { padding: 8px 12px; font-weight: 600; border-bottom: 1px solid #edebe9; }
  .pane iframe { flex: 1; border: 0; width: 100%; }
  .consent { position: fixed; inset: 30% 30% auto; padding: 16px; background: #fff; border: 1px solid #8a8886; border-radius: 4px; box-shadow: 0 8px 16px rgba(0,0,0,.2); display: flex; gap: 8px; flex-wrap: wrap; }
  .consent p { flex-basis: 100%; margin: 0 0 8px; }
  .closed { margin: 24px; padding: 16px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
`;

const ACCOUNT_TYPES = [
  ['office365', 'Microsoft 365 (office365)'],
  ['outlookCom', 'Outlook.com (outlookCom)'],
  ['enterprise', 'Exchange on-premises (enterprise)'],
  ['gmail', 'Gmail in Outlook (gmail)'],
] as const;

function field(id: string, label: string, placeholder: string): string {
  return `<div class="row"><label for="${id}">${label}</label><input id="${id}" data-testid="${id}" placeholder="${placeholder}" autocomplete="off"></div>`;
}

export function hostPageHtml(base: string, config: HostPageConfig): string {
  const options = ACCOUNT_TYPES.map(([value, label]) => `<option value="${value}">${label}</option>`).join(
    '',
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outlook (Sendwell sandbox) — New message</title>
<style>${STYLE}</style>
<script type="application/json" id="sendwell-host-config">${scriptJson(config)}</script>
<script src="${escapeHtml(base)}/fake-office.js"></script>
<script src="${escapeHtml(base)}/naa-bridge.js"></script>
<script src="${escapeHtml(base)}/host.js"></script>
</head>
<body>
<header>
  <h1>Outlook <small>(Sendwell sandbox)</small></h1>
  <label>Signed in as <select data-testid="host-user" aria-label="Sandbox user"></select></label>
  <label>Account <select data-testid="host-account-type" aria-label="Account type">${options}</select></label>
  <span id="host-status" data-testid="host-status" data-state="loading">Loading sandbox users…</span>
</header>
<main aria-label="Outlook compose window">
  <section class="compose" aria-label="New message">
    ${field('host-to', 'To', 'Ada Lovelace &lt;ada@prospect.test&gt;, …')}
    ${field('host-cc', 'Cc', '')}
    ${field('host-bcc', 'Bcc', '')}
    ${field('host-subject', 'Subject', 'Add a subject')}
    <div class="body" data-testid="host-body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Message body"></div>
  </section>
  <aside class="pane" aria-label="Sendwell add-in">
    <div class="pane-title">Sendwell</div>
    <iframe data-testid="taskpane-frame" title="Sendwell task pane" src="${escapeHtml(sandboxPaneUrl(config.paneUrl))}"></iframe>
  </aside>
</main>
</body>
</html>`;
}
