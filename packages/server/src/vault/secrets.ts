import { loadSecret } from '../config/config';

const MIN_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

function decodeSecret(name: string, value: string): Buffer {
  const text = value.trim();
  if (!BASE64.test(text))
    throw new Error(`${name} is not base64 (generate one with: openssl rand -base64 32)`);
  const key = Buffer.from(text, 'base64');
  if (key.length < MIN_BYTES)
    throw new Error(`${name} must be at least ${MIN_BYTES} bytes once base64-decoded, got ${key.length}`);
  return key;
}

/**
 * The vault's secrets, current first: SENDWELL_SECRET (or, without it, the data dir's key file that
 * `loadSecret` creates once), then each of SENDWELL_SECRET_PREVIOUS (comma list), which still open
 * old envelopes until `sendwell secrets rotate` has re-sealed them under the current one.
 */
export function loadVaultSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer[] {
  if (env.SENDWELL_SECRET) decodeSecret('SENDWELL_SECRET', env.SENDWELL_SECRET);
  const current = loadSecret(dataDir, env);
  const previous = (env.SENDWELL_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s, i) => decodeSecret(`SENDWELL_SECRET_PREVIOUS (entry ${i + 1})`, s));
  return [current, ...previous.filter((p) => !p.equals(current))];
}
