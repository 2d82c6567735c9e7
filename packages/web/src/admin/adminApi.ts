import {
  type AuditPage,
  auditPageSchema,
  type ChannelsAnswer,
  type CreateSmtpChannel,
  channelsAnswerSchema,
  type MemberPage,
  memberPageSchema,
  type SmtpCheckRequest,
  smtpChannelCheckSchema,
  smtpChannelSchema,
  smtpCheckReportSchema,
  smtpTestSendResultSchema,
  type TeamNumbers,
  type ThrottleSettings,
  type ThrottleUpdate,
  teamNumbersSchema,
  throttleSettingsSchema,
  type UpdateMemberBody,
  type UpdateSmtpChannel,
  updateMemberAnswerSchema,
} from '@sendwell/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiError } from '../api/client';
import { useApi } from '../api/context';
import { apiKey, useApiMutation, useApiQuery } from '../api/queries';

/**
 * The admin pages' calls to `/api/v1`, each answer checked against core's wire schema. Writes
 * refresh the reads they change, and the audit log, which every admin write appends to.
 */

const PAGE_SIZE = 25;

/** A cursor-paged list (`{items, nextCursor}`), one page after another on "Show more". */
function usePagedList<TPage extends { items: unknown[]; nextCursor: string | null }>(
  path: string,
  schema: z.ZodType<TPage>,
) {
  const api = useApi();
  return useInfiniteQuery<TPage, ApiError, { pages: TPage[] }, ReturnType<typeof apiKey>, string | null>({
    queryKey: apiKey(path, { paged: true }),
    initialPageParam: null,
    queryFn: ({ pageParam }) => api.get(path, { query: { cursor: pageParam, limit: PAGE_SIZE }, schema }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const useMembers = () => usePagedList<MemberPage>('/members', memberPageSchema);
export const useAudit = () => usePagedList<AuditPage>('/audit', auditPageSchema);

export const useUpdateMember = () =>
  useApiMutation(
    (api, { id, change }: { id: string; change: UpdateMemberBody }) =>
      api.patch(`/members/${encodeURIComponent(id)}`, change, { schema: updateMemberAnswerSchema }),
    ['/members', '/audit'],
  );

export const useChannels = () => useApiQuery<ChannelsAnswer>('/channels', { schema: channelsAnswerSchema });

const CHANNEL_WRITES = ['/channels', '/audit'];

export const useCheckSmtpSettings = () =>
  useApiMutation((api, body: SmtpCheckRequest) =>
    api.post('/channels/smtp/check', body, { schema: smtpCheckReportSchema }),
  );

export const useCreateSmtpChannel = () =>
  useApiMutation(
    (api, body: CreateSmtpChannel) => api.post('/channels/smtp', body, { schema: smtpChannelSchema }),
    CHANNEL_WRITES,
  );

export const useUpdateSmtpChannel = () =>
  useApiMutation(
    (api, { id, change }: { id: string; change: UpdateSmtpChannel }) =>
      api.patch(`/channels/${encodeURIComponent(id)}`, change, { schema: smtpChannelSchema }),
    CHANNEL_WRITES,
  );

export const useDeleteSmtpChannel = () =>
  useApiMutation((api, id: string) => api.delete(`/channels/${encodeURIComponent(id)}`), CHANNEL_WRITES);

/** Checking a saved channel also sets its state (a rejected password holds its sends). */
export const useCheckSmtpChannel = () =>
  useApiMutation(
    (api, id: string) =>
      api.post(`/channels/${encodeURIComponent(id)}/check`, {}, { schema: smtpChannelCheckSchema }),
    ['/channels'],
  );

export const useTestSend = () =>
  useApiMutation((api, { id, to }: { id: string; to?: string }) =>
    api.post(`/channels/${encodeURIComponent(id)}/test-send`, to ? { to } : {}, {
      schema: smtpTestSendResultSchema,
    }),
  );

export const useSetTeamDefault = () =>
  useApiMutation(
    (api, channelId: string | null) => api.put('/channels/team-default', { channelId }),
    CHANNEL_WRITES,
  );

export const useSetLegacyVisibility = () =>
  useApiMutation(
    (api, visible: boolean) => api.put('/channels/legacy-visibility', { visible }),
    CHANNEL_WRITES,
  );

export const useThrottle = () =>
  useApiQuery<ThrottleSettings>('/settings/throttle', { schema: throttleSettingsSchema });

export const useUpdateThrottle = () =>
  useApiMutation(
    (api, body: ThrottleUpdate) => api.put('/settings/throttle', body, { schema: throttleSettingsSchema }),
    ['/settings/throttle', '/audit'],
  );

export const useTeamNumbers = (days: number) =>
  useApiQuery<TeamNumbers>('/analytics/team', { query: { days }, schema: teamNumbersSchema });
