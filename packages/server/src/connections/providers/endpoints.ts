/**
 * Plain `http:` is accepted only for a loopback host (the sandbox on 127.0.0.1 in tests and the
 * local demo); a real identity provider is always `https:`. Anything else is a configuration error,
 * refused before a secret or a code travels in clear text.
 */
export function insecureLoopbackAllowed(name: string, url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return false;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return true;
  throw new Error(`${name} must be an https:// URL (plain http is only for a loopback host): ${url}`);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `https://host/path/` → `https://host/path` (configuration may end with a slash). */
export const trimSlash = (url: string): string => url.replace(/\/+$/, '');
