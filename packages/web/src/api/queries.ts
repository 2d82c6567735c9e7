import {
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiError } from './client';
import { useApi } from './context';

type Query = Record<string, string | number | boolean | null | undefined>;

/** Every query of `/api/v1/<path>` is keyed `['api', path, query]`, so a mutation can refresh a path. */
export const apiKey = (path: string, query?: Query): QueryKey =>
  query ? ['api', path, query] : ['api', path];

/** GET `/api/v1<path>` through TanStack Query (checked against core's schema when given). */
export function useApiQuery<T>(
  path: string,
  options: {
    query?: Query;
    schema?: z.ZodType<T>;
    enabled?: boolean;
  } & Omit<UseQueryOptions<T, ApiError>, 'queryKey' | 'queryFn' | 'enabled'> = {},
) {
  const api = useApi();
  const { query, schema, enabled, ...rest } = options;
  return useQuery<T, ApiError>({
    queryKey: apiKey(path, query),
    queryFn: () => api.get<T>(path, { query, schema }),
    enabled,
    ...rest,
  });
}

/**
 * A write to `/api/v1`; on success every query whose path starts with one of `invalidates` is
 * fetched again (e.g. `['/sends']` refreshes the list and each send's detail).
 */
export function useApiMutation<TBody, TAnswer>(
  run: (api: ReturnType<typeof useApi>, body: TBody) => Promise<TAnswer>,
  invalidates: string[] = [],
  options: Omit<UseMutationOptions<TAnswer, ApiError, TBody>, 'mutationFn'> = {},
) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<TAnswer, ApiError, TBody>({
    ...options,
    mutationFn: (body) => run(api, body),
    onSuccess: async (...args) => {
      await client.invalidateQueries({
        predicate: (q) =>
          q.queryKey[0] === 'api' && invalidates.some((p) => String(q.queryKey[1]).startsWith(p)),
      });
      await options.onSuccess?.(...args);
    },
  });
}
