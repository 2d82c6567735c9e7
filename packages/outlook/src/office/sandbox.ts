import type { OfficeApi } from './officeApi';

/**
 * The handshake with the sandbox host page (`/sandbox/outlook`). The host, our same-origin parent,
 * defines `window.__sendwellSandboxOffice` before it creates our iframe; with `?sandbox=1` the pane
 * adopts it instead of loading office.js from Microsoft's CDN. It hands over no token: the pane signs
 * in through MSAL's nested app auth, against the bridge the host installs (as office.js would).
 */
export interface SandboxOfficeHandshake {
  version: 2;
  /** A fake `Office` global with the real office.js shapes. */
  Office: OfficeApi;
  /**
   * Does to the pane's window what loading office.js does in Outlook: installs
   * `window.nestedAppAuthBridge` (the host side of nested app auth) when the host supports NAA.
   */
  attach(paneWindow: Window): void;
}

export const SANDBOX_HANDSHAKE_KEY = '__sendwellSandboxOffice';

export function isSandboxMode(search: string): boolean {
  return new URLSearchParams(search).get('sandbox') === '1';
}

/** Reads the handshake from the parent window; null when absent or from another origin. */
export function readSandboxHandshake(self: Window): SandboxOfficeHandshake | null {
  try {
    if (self.parent === self) return null;
    const candidate = (self.parent as unknown as Record<string, unknown>)[SANDBOX_HANDSHAKE_KEY];
    return isHandshake(candidate) ? candidate : null;
  } catch {
    return null; // cross-origin parent: not our sandbox
  }
}

function isHandshake(value: unknown): value is SandboxOfficeHandshake {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<SandboxOfficeHandshake>;
  return (
    candidate.version === 2 && typeof candidate.Office === 'object' && typeof candidate.attach === 'function'
  );
}
