import { createHash } from 'node:crypto';
import { SOURCE } from './source';

export interface RenderOptions {
  /** Where the Sendwell server is reachable, e.g. https://sendwell.example.com or http://localhost:8787. */
  baseUrl: string;
  /** The production id and plain name, or a per-environment id and "(host)" suffix. Default: production unless localhost. */
  production?: boolean;
}

export interface Environment {
  baseUrl: string;
  origin: string;
  host: string;
  production: boolean;
  /** The Outlook add-in id for this environment. */
  id: string;
  displayName: string;
  url(path: string): string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Normalises the base URL and derives the per-environment id and name (one manifest per environment). */
export function environmentFor(options: RenderOptions): Environment {
  let parsed: URL;
  try {
    parsed = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`base URL is not a URL: ${options.baseUrl}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TypeError(`base URL must be http(s): ${options.baseUrl}`);
  const baseUrl = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  const production = options.production ?? !LOCAL_HOSTS.has(parsed.hostname);
  return {
    baseUrl,
    origin: parsed.origin,
    host: parsed.host,
    production,
    id: production ? SOURCE.productionId : uuidV5(SOURCE.productionId, baseUrl),
    displayName: production ? SOURCE.name.short : `${SOURCE.name.short} (${parsed.host})`,
    url: (path) => `${baseUrl}${path}`,
  };
}

/** RFC 4122 name-based (SHA-1) UUID: the same environment always gets the same id. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
