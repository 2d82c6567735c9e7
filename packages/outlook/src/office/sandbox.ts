import type { OfficeApi } from './officeApi';

/**
 * The handshake with the sandbox host page (`/sandbox/outlook`). The host, our same-origin parent,
 * defines `window.__sendwellSandboxOffice` before it creates our iframe; with `?sandbox=1` the pane
 * adopts it instead of loading office.js from Microsoft's CDN.
 */
export interface SandboxOfficeHandshake {
  version: 1;
  /** A fake `Office` global with the real office.js shapes. */
  Office: OfficeApi;
  /** A Microsoft access token for the signed-in sandbox user, minted by the sandbox's token endpoint. */
  getAccessToken(request: { audience: string }): Promise<string>;
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
    candidate.version === 1 &&
    typeof candidate.Office === 'object' &&
    typeof candidate.getAccessToken === 'function'
  );
}
