import type { Logger } from '@sendwell/core';

export interface Loop {
  /** Run the next round now instead of waiting for the interval. */
  wake(): void;
  stop(): Promise<void>;
}

/** Runs `round` every `intervalMs`, never two rounds at once; errors are logged, never fatal. */
export function startLoop(
  name: string,
  intervalMs: number,
  round: () => Promise<unknown>,
  logger: Logger,
): Loop {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delay);
  };
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = round()
      .then(
        () => undefined,
        (error: unknown) =>
          logger.error(`${name} round failed`, {
            detail: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(() => {
        running = null;
        schedule(again ? 0 : intervalMs);
        again = false;
      });
  };
  schedule(0);
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
