import type { Logger } from '@sendwell/core';
import { redactFields, redactText } from './observe/redact';
import { currentRequestId } from './observe/requestContext';

type Level = 'info' | 'warn' | 'error';

/**
 * JSON lines on stderr, one object per line: `level`, `message`, the fields, `requestId` when
 * written while handling a request, `at`. Everything passes `observe/redact.ts` (secret field
 * names AND secret-looking values), so tokens and passwords never reach a log.
 */
export function consoleLogger(
  quiet = false,
  sink: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    if (quiet && level === 'info') return;
    const requestId = currentRequestId();
    const line = {
      level,
      message: redactText(message),
      ...(requestId ? { requestId } : {}),
      ...redactFields(fields ?? {}),
      at: new Date().toISOString(),
    };
    sink(`${JSON.stringify(line)}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
