import type { Logger } from '@sendwell/core';

/**
 * Node prints an uncaught exception or unhandled rejection to stderr as it is, stack and message,
 * past our redaction. These handlers log it through the redacting logger instead and then exit
 * non-zero, as Node would have (a process in an unknown state must not keep serving).
 */
export function logProcessFailures(logger: Logger, exit: (code: number) => void = process.exit): void {
  const fail = (kind: string) => (error: unknown) => {
    logger.error(kind, {
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack?.split('\n').slice(1, 8).join('\n') : undefined,
    });
    exit(1);
  };
  process.on('uncaughtException', fail('uncaught exception'));
  process.on('unhandledRejection', fail('unhandled rejection'));
}
