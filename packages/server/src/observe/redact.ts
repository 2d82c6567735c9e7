/**
 * Redaction for everything the server writes to its log. Two nets, because either alone leaks:
 * field names (`password`, `token`, …) catch a secret handed over under an honest name, and value
 * shapes catch one embedded in free text (a provider's error body, a URL, an exception message).
 * Secrets the process knows by value (the server key, client secrets, every vault secret it opens)
 * are registered with `rememberSecret` and replaced wherever they appear, whatever their shape.
 */

export const REDACTED = '[redacted]';

/** Field names whose values are secrets, whatever they look like. */
const SECRET_FIELD =
  /token|secret|password|passwd|authorization|cookie|api[-_]?key|credential|verifier|assertion|^code$|^pass$/i;

const QUERY_KEYS =
  'access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|password|passwd|pass|token|secret|api_key|apikey|code|assertion|sig|signature';

/** Shapes of secrets in free text, each with what stays visible so the line still reads. */
const VALUE_SHAPES: [RegExp, string][] = [
  // `Authorization: Bearer …` / `Basic …` wherever it is quoted.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // A password in a URL's user info: smtp://user:secret@host, postgres://u:p@h/db.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*):[^\s@/'"]*@/gi, `$1:${REDACTED}@`],
  // key=value in query strings, form bodies and messages.
  [new RegExp(`\\b(${QUERY_KEYS})=[^&\\s"',;]+`, 'gi'), `$1=${REDACTED}`],
  // "key": "value" in JSON text (a provider's token answer quoted in an error).
  [
    /"(access_token|refresh_token|id_token|client_secret|password|token|secret|apiToken|session)"\s*:\s*"[^"]*"/gi,
    `"$1":"${REDACTED}"`,
  ],
  // Sendwell API and session tokens (`sw_…`, `sws_…`): a prefix, an id and a MAC.
  [/\bsw[a-z0-9]*_[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/g, REDACTED],
  // JWTs and our own signed values (base64url JSON `eyJ…` dot MAC).
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*)?/g, REDACTED],
  // Google access tokens, Google and Microsoft refresh tokens.
  [/\bya29\.[A-Za-z0-9._-]+/g, REDACTED],
  [/\b1\/\/0[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\b[01]\.A[A-Za-z0-9_-]{16,}[A-Za-z0-9_.-]*/g, REDACTED],
];

/** Secrets from the settings: few, and kept for the life of the process. */
const pinned = new Set<string>();
/** Secrets met at run time (vault openings): the most recent ones, so the set stays bounded. */
const recent = new Map<string, true>();
const RECENT_LIMIT = 1000;
let knownPattern: RegExp | null = null;
let stale = false;

/**
 * Registers a secret this process holds, to be replaced wherever it appears. Short values are
 * ignored: a 5-character "secret" would redact ordinary words. `pinned` ones (settings) are kept
 * for good; others are the last 1,000 seen (access tokens turn over hourly and also have a shape
 * the value patterns catch).
 */
export function rememberSecret(value: string | null | undefined, pin = false): void {
  if (!value || value.length < 6) return;
  if (pin) {
    if (pinned.has(value)) return;
    pinned.add(value);
  } else {
    if (pinned.has(value)) return;
    recent.delete(value);
    recent.set(value, true);
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  }
  stale = true;
}

function knownSecrets(): RegExp | null {
  if (!stale) return knownPattern;
  stale = false;
  // Longest first, so a secret containing another is replaced whole.
  const all = [...pinned, ...recent.keys()].sort((a, b) => b.length - a.length);
  knownPattern = all.length
    ? new RegExp(all.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
    : null;
  return knownPattern;
}

/** Free text with every known secret and every secret-shaped value replaced. */
export function redactText(text: string): string {
  const known = knownSecrets();
  let out = known ? text.replace(known, REDACTED) : text;
  for (const [shape, replacement] of VALUE_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** True when `text` holds something `redactText` would hide (e.g. a client's X-Request-Id). */
export function looksSecret(text: string): boolean {
  return redactText(text) !== text;
}

/** A value made safe to log: secret-named fields dropped, strings redacted, errors reduced to text. */
function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[nested]';
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  return redactFields(value as Record<string, unknown>, depth + 1);
}

export function redactFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(fields))
    out[key] = SECRET_FIELD.test(key) && v != null && v !== '' ? REDACTED : redactValue(v, depth);
  return out;
}
