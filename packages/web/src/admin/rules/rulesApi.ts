import { type BounceRules, type BounceRulesUpdate, bounceRulesSchema } from '@sendwell/core';
import { useApiMutation, useApiQuery } from '../../api/queries';

/** The team's bounce rules (any member reads them; the page is the admin's). */
export const useBounceRules = () =>
  useApiQuery<BounceRules>('/settings/bounce-rules', { schema: bounceRulesSchema });

/** A change is audited: the audit log is refreshed with the rules. */
export const useUpdateBounceRules = () =>
  useApiMutation(
    (api, change: BounceRulesUpdate): Promise<BounceRules> =>
      api.put('/settings/bounce-rules', change, { schema: bounceRulesSchema }),
    ['/settings/bounce-rules', '/audit'],
  );
