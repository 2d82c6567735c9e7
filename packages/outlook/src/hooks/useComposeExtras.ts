import type { FeedEvent, SendwellApi } from '../api/types';
import type { ComposeItem } from '../office/types';
import { useCampaignEnrol } from './useCampaignEnrol';
import { useCancelSend } from './useCancelSend';
import { useDraftPeople } from './useDraftPeople';
import type { SendState } from './useSendDraft';
import { useTemplateSearch } from './useTemplateSearch';

/** Issue 9's compose extras: template search and recently used, cancel, Add to campaign, people's status. */
export function useComposeExtras(
  api: SendwellApi,
  item: ComposeItem,
  send: SendState,
  latest: FeedEvent | null,
) {
  const cancel = useCancelSend(api);
  // A new accepted send used a template: "recently used" is read again.
  const sentKey = send.state === 'accepted' ? send.sends.map((accepted) => accepted.id).join() : '';
  const finder = useTemplateSearch(api, sentKey);
  const people = useDraftPeople(api, item, latest);
  const enrol = useCampaignEnrol(api, item, people.refresh);
  return { cancel, finder, people, enrol };
}
