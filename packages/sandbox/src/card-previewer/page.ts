/** The previewer's HTML shell; all behaviour lives in client.js / render.js. */
export interface PageConfig {
  addonUrl: string;
  devBase: string;
  gmailApiBase: string;
  userAudience?: string;
}

const STYLE = `
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f6f8fc; color: #1f1f1f; }
.topbar { display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
.topbar h1 { font-size: 18px; margin: 0 16px 0 0; }
.workspace { display: flex; gap: 16px; padding: 16px; align-items: flex-start; }
.draft { flex: 1; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px #0002; }
.draft[data-active="true"] { outline: 2px solid #0b57d0; }
.draft h2 { margin: 0; padding: 8px 12px; font-size: 14px; background: #404040; color: #fff; border-radius: 8px 8px 0 0; }
.draft label { display: flex; border-bottom: 1px solid #eee; padding: 6px 12px; gap: 8px; color: #666; }
.draft input { flex: 1; border: 0; font: inherit; outline: none; }
.draft-body { min-height: 240px; padding: 12px; outline: none; }
.sidebar { width: 340px; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px #0002; min-height: 300px; }
.sidebar[data-state="loading"] { opacity: .6; }
.card-header { padding: 12px; border-bottom: 1px solid #eee; }
.card-title { font-weight: 600; font-size: 14px; margin: 0; } .card-subtitle { color: #666; font-size: 12px; }
.card-section { padding: 8px 12px; border-bottom: 1px solid #eee; }
.section-header { font-size: 12px; text-transform: uppercase; color: #666; margin: 4px 0; }
.w-decorated { padding: 4px 0; } .top-label, .bottom-label { font-size: 12px; color: #666; }
.w-selection, .w-text-input { display: flex; flex-direction: column; gap: 4px; margin: 6px 0; }
.w-buttons { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
.card-button { background: #0b57d0; color: #fff; border: 0; border-radius: 16px; padding: 6px 14px; cursor: pointer; }
.card-button:disabled { background: #bbb; cursor: default; }
.toast { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); background: #323232; color: #fff; padding: 10px 16px; border-radius: 4px; cursor: pointer; }
.error { color: #b3261e; padding: 8px 12px; }
details { margin: 0 16px 16px; } pre { white-space: pre-wrap; font-size: 12px; }
`;

const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export function previewerPage(scriptBase: string, config: PageConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Sendwell — Gmail add-on previewer (sandbox)</title>
<style>${STYLE}</style>
<script type="application/json" id="previewer-config">${jsonForScript(config)}</script>
<script type="module" src="${scriptBase}/client.js"></script>
</head>
<body>
<header class="topbar">
  <h1>Gmail (sandbox)</h1>
  <label>User <select data-testid="user-picker" data-state="loading"></select></label>
  <button type="button" data-testid="trigger-home">Open Sendwell (homepage)</button>
  <button type="button" data-testid="trigger-open">Open a message</button>
  <button type="button" data-testid="trigger-compose">Compose: Sendwell</button>
</header>
<main>
<div class="workspace">
  <section class="draft" data-testid="draft-window" data-active="false">
    <h2>New Message</h2>
    <label>To <input data-testid="draft-to" placeholder="Ada Lovelace &lt;ada@example.com&gt;, ..."></label>
    <label>Cc <input data-testid="draft-cc"></label>
    <label>Bcc <input data-testid="draft-bcc"></label>
    <label>Subject <input data-testid="draft-subject"></label>
    <div class="draft-body" data-testid="draft-body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Message body"></div>
  </section>
  <aside class="sidebar" aria-label="Sendwell add-on">
    <div class="error" data-testid="addon-error" role="alert" hidden></div>
    <div data-testid="card-host" data-state="idle"></div>
  </aside>
</div>
<details><summary>Card JSON</summary><pre data-testid="card-json"></pre></details>
<div class="toast" data-testid="notification" role="status" hidden></div>
</main>
</body>
</html>`;
}
