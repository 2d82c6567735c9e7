import { useEffect, useRef, useState } from 'react';
import type { SendwellApi, Template } from '../api/types';
import { type Problem, toProblem } from '../model/problem';
import { useLoad } from './useLoad';

export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; q: string }
  | { state: 'ready'; q: string; items: Template[] }
  | { state: 'failed'; q: string; problem: Problem };

/**
 * Template search (`GET /templates?q=`, name and subject) and "recently used" (`GET /templates/recent`).
 * Each keystroke asks the server; only the answer to the latest text is shown. Recently used is read
 * again after each send the pane makes (`sentKey` changes), since that send just used a template.
 */
export function useTemplateSearch(api: SendwellApi, sentKey: string) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState<SearchState>({ state: 'idle' });
  const latest = useRef(0);
  const recent = useLoad(() => api.recentTemplates());
  const reloadRecent = recent.reload;
  useEffect(() => {
    if (sentKey) reloadRecent();
  }, [sentKey, reloadRecent]);
  useEffect(
    () => () => {
      latest.current++; // unmounted: drop answers still in flight
    },
    [],
  );

  function setQuery(typed: string) {
    setText(typed);
    const ticket = ++latest.current;
    const q = typed.trim();
    if (!q) return setSearch({ state: 'idle' });
    setSearch({ state: 'searching', q });
    api.searchTemplates(q).then(
      (items) => ticket === latest.current && setSearch({ state: 'ready', q, items }),
      (error: unknown) =>
        ticket === latest.current && setSearch({ state: 'failed', q, problem: toProblem(error) }),
    );
  }
  return { search, text, setQuery, recent };
}
