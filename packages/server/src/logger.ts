import type { Logger } from '@sendwell/core';

const SECRET_KEYS = /token|secret|password|authorization|cookie/i;

/** JSON lines on stderr. Field names that look like secrets are redacted: tokens never reach a log. */
export function consoleLogger(quiet = false): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (quiet && level === 'info') return;
    const safe = Object.fromEntries(
      Object.entries(fields ?? {}).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : v]),
    );
    process.stderr.write(`${JSON.stringify({ level, message, ...safe, at: new Date().toISOString() })}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
