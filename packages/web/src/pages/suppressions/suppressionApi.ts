import {
  type AddSuppression,
  type Suppression,
  type SuppressionPage,
  suppressionPageSchema,
  suppressionSchema,
} from '@sendwell/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { apiKey, useApiMutation } from '../../api/queries';

const PAGE_SIZE = 25;

/**
 * The team's suppressions: every live one, or, when an address is searched, that address's whole
 * history (lifted and run-out ones too), so "why is this address not getting my email" has an answer.
 */
export function useSuppressions(email: string | undefined) {
  const api = useApi();
  const query = { email: email || undefined, state: email ? 'all' : 'live' } as const;
  return useInfiniteQuery<
    SuppressionPage,
    ApiError,
    { pages: SuppressionPage[] },
    ReturnType<typeof apiKey>,
    string | null
  >({
    queryKey: apiKey('/suppressions', query),
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      api.get('/suppressions', {
        query: { ...query, cursor: pageParam, limit: PAGE_SIZE },
        schema: suppressionPageSchema,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

// Both writes are audited: the audit log is refreshed with the list.
export const useAddSuppression = () =>
  useApiMutation(
    (api, body: AddSuppression): Promise<Suppression> =>
      api.post('/suppressions', body, { schema: suppressionSchema }),
    ['/suppressions', '/audit'],
  );

export const useLiftSuppression = () =>
  useApiMutation(
    (api, id: string): Promise<Suppression> =>
      api.post(`/suppressions/${encodeURIComponent(id)}/lift`, undefined, { schema: suppressionSchema }),
    ['/suppressions', '/audit'],
  );
