import {
  type Campaign,
  type CampaignAnalytics,
  type CampaignForecast,
  campaignAnalyticsSchema,
  campaignForecastSchema,
  campaignPageSchema,
  campaignSchema,
  type EnrolAnswer,
  enrolAnswerSchema,
  enrolmentPageSchema,
  type PersonStatus,
  personStatusSchema,
} from '@sendwell/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiError } from '../../api/client';
import { useApi } from '../../api/context';
import { apiKey, useApiMutation, useApiQuery } from '../../api/queries';

/**
 * The campaign pages' calls to `/api/v1` (H2's `http/v1/campaigns.ts`), each answer checked against
 * core's wire schema. Writes refresh every campaign read and the people lookups (an enrolment or a
 * removal changes a person's status).
 */

type CampaignPage = z.infer<typeof campaignPageSchema>;
type EnrolmentPage = z.infer<typeof enrolmentPageSchema>;

const PAGE_SIZE = 25;
const CAMPAIGN_READS = ['/campaigns', '/people'];

export const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

/** A cursor-paged list under `path` with `query`, one page after another on "Show more". */
function usePaged<TPage extends { items: unknown[]; nextCursor: string | null }>(
  path: string,
  query: Record<string, string | undefined>,
  schema: z.ZodType<TPage>,
) {
  const api = useApi();
  return useInfiniteQuery<TPage, ApiError, { pages: TPage[] }, ReturnType<typeof apiKey>, string | null>({
    queryKey: apiKey(path, { ...query, paged: true }),
    initialPageParam: null,
    queryFn: ({ pageParam }) =>
      api.get(path, { query: { ...query, cursor: pageParam, limit: PAGE_SIZE }, schema }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const useCampaignList = (query: { scope: 'mine' | 'team'; status?: string }) =>
  usePaged<CampaignPage>('/campaigns', query, campaignPageSchema);

export const useCampaign = (id: string) =>
  useApiQuery<Campaign>(campaignPath(id), { schema: campaignSchema });

export const useCampaignAnalytics = (id: string) =>
  useApiQuery<CampaignAnalytics>(`${campaignPath(id)}/analytics`, { schema: campaignAnalyticsSchema });

export const useCampaignForecast = (id: string) =>
  useApiQuery<CampaignForecast>(`${campaignPath(id)}/forecast`, { schema: campaignForecastSchema });

export const useEnrolments = (id: string, status: string | undefined) =>
  usePaged<EnrolmentPage>(`${campaignPath(id)}/enrolments`, { status }, enrolmentPageSchema);

export const usePersonStatus = (email: string | null) =>
  useApiQuery<PersonStatus>(`/people/${encodeURIComponent(email ?? '')}`, {
    schema: personStatusSchema,
    enabled: Boolean(email),
  });

export const usePauseOrResume = (id: string) =>
  useApiMutation(
    (api, action: 'pause' | 'resume') =>
      api.post(`${campaignPath(id)}/${action}`, {}, { schema: campaignSchema }),
    CAMPAIGN_READS,
  );

export const useRemoveEnrolment = (id: string) =>
  useApiMutation(
    (api, enrolmentId: string) =>
      api.delete(`${campaignPath(id)}/enrolments/${encodeURIComponent(enrolmentId)}`),
    CAMPAIGN_READS,
  );

export const useRemovePerson = () =>
  useApiMutation(
    (api, { email, campaignId }: { email: string; campaignId?: string }) =>
      api.post(`/people/${encodeURIComponent(email)}/remove`, campaignId ? { campaignId } : {}, {
        schema: personStatusSchema,
      }),
    CAMPAIGN_READS,
  );

/**
 * `POST /campaigns/{id}/enrolments` from the CSV import: `dryRun` checks only (suppressed, already
 * enrolled) and changes nothing, so only the real call refreshes the campaign's reads.
 */
export const useEnrol = (id: string, dryRun: boolean) =>
  useApiMutation(
    (api, people: unknown[]): Promise<EnrolAnswer> =>
      api.post(
        `${campaignPath(id)}/enrolments`,
        { people, source: 'csv', dryRun },
        { schema: enrolAnswerSchema },
      ),
    dryRun ? [] : CAMPAIGN_READS,
  );
