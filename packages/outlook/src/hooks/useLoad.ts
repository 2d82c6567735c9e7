import { useCallback, useEffect, useRef, useState } from 'react';
import { type Problem, toProblem } from '../model/problem';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; problem: Problem };

/**
 * Runs `load` on mount and whenever `reload()` is called. Reloads keep showing the last value
 * instead of flashing a spinner, and late answers from superseded loads are dropped.
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    loadRef.current().then(
      (value) => ticket === latest.current && setLoaded({ state: 'ready', value }),
      (error: unknown) =>
        ticket === latest.current && setLoaded({ state: 'failed', problem: toProblem(error) }),
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      latest.current++; // unmounted: ignore answers still in flight
    };
  }, [reload]);

  return { ...loaded, reload };
}
