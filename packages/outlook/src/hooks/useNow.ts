import type { Clock } from '@sendwell/core';
import { useEffect, useState } from 'react';

/** Calls back every so often until unsubscribed; tests pass a manual one (no real timers). */
export type Ticker = (onTick: () => void) => () => void;

const everySecond: Ticker = (onTick) => {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
};

/**
 * The injected clock's time, re-read on every tick, so "in 3 s" and "going out now" are derived
 * afresh instead of frozen at the moment they were first shown.
 */
export function useNow(clock: Clock, ticker: Ticker = everySecond): Date {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => ticker(() => setNow(clock.now())), [clock, ticker]);
  return now;
}
