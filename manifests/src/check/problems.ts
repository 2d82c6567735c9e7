export interface Problem {
  /** Path relative to the checked directory, e.g. "outlook/manifest.xml". */
  file: string;
  message: string;
}

export interface CheckResult {
  ok: boolean;
  problems: Problem[];
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Manifest URLs must be HTTPS. Plain http is only acceptable for a developer's own machine
 * (localhost, 127.0.0.1), where Sendwell's sandbox runs without certificates.
 */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return `"${value}" must use https (http is only allowed for localhost and 127.0.0.1)`;
}

/** Every string in a JSON value that looks like a URL, with its JSON path. */
export function urlsIn(value: unknown, path = ''): { path: string; url: string }[] {
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => urlsIn(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => urlsIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}
