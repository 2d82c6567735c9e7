import { type Unattributed, unattributedPageSchema } from '@sendwell/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { apiKey } from '../../api/queries';

type UnattributedPage = z.infer<typeof unattributedPageSchema>;
export type UnattributedKind = Unattributed['kind'];

const PAGE_SIZE = 25;

/** The team's unattributed bounces or replies (`GET /unattributed?scope=team`), page after page. */
export function useUnattributed(kind: UnattributedKind) {
  const api = useApi();
  const path = '/unattributed';
  return useInfiniteQuery<
    UnattributedPage,
    ApiError,
    { pages: UnattributedPage[] },
    ReturnType<typeof apiKey>,
    string | null
  >({
    queryKey: apiKey(path, { kind, scope: 'team', paged: true }),
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      api.get(path, {
        query: { kind, scope: 'team', cursor: pageParam, limit: PAGE_SIZE },
        schema: unattributedPageSchema,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The evidence as label/value lines, in a fixed order first, anything else after (never dropped). */
export function evidenceLines(evidence: Record<string, unknown>): { label: string; value: string }[] {
  const known = [
    'status',
    'reason',
    'hard',
    'action',
    'diagnostic',
    'subject',
    'inReplyTo',
    'references',
    'matchedBy',
    'threadId',
    'auto',
  ];
  const keys = [
    ...known.filter((k) => k in evidence),
    ...Object.keys(evidence).filter((k) => !known.includes(k)),
  ];
  return keys.map((label) => ({ label, value: shown(evidence[label]) })).filter((line) => line.value !== '');
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(shown).join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
