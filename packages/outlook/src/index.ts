/**
 * What other packages may use from the Outlook pane without bundling it: where the Vite build lands
 * (the server serves it at /outlook/) and the sandbox handshake the fake host page implements.
 */
export const OUTLOOK_DIST_URL = new URL('../dist/', import.meta.url);
export const TASKPANE_FILE = 'taskpane.html';
export { SANDBOX_HANDSHAKE_KEY, type SandboxOfficeHandshake } from './office/sandbox';
