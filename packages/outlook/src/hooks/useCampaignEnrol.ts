import { useState } from 'react';
import type { EnrolAnswer, EnrolPerson, SendwellApi } from '../api/types';
import { draftPeople } from '../model/draftPeople';
import { type Problem, toProblem } from '../model/problem';
import type { ComposeItem } from '../office/types';
import { useLoad } from './useLoad';

export type EnrolState =
  | { state: 'idle' }
  | { state: 'enrolling' }
  /** The draft has nobody to enrol. */
  | { state: 'no-recipients' }
  /** The server's answer, with the people posted (its row numbers point into them). */
  | { state: 'done'; answer: EnrolAnswer; people: EnrolPerson[] }
  | { state: 'failed'; problem: Problem };

/**
 * "Add to campaign": the rep's campaigns (`GET /campaigns?scope=mine`; only active ones can be
 * picked), and enrolling the draft's recipients as they are at click time, each with the display
 * name Outlook knows (the server merges first names from it). `onEnrolled` refreshes their status.
 */
export function useCampaignEnrol(api: SendwellApi, item: ComposeItem, onEnrolled: () => void) {
  const campaigns = useLoad(() => api.listCampaigns());
  const [enrol, setEnrol] = useState<EnrolState>({ state: 'idle' });
  async function run(campaignId: string) {
    setEnrol({ state: 'enrolling' });
    try {
      const people: EnrolPerson[] = draftPeople(await item.getRecipients()).map((recipient) => ({
        email: recipient.email.trim(),
        ...(recipient.displayName ? { displayName: recipient.displayName } : {}),
      }));
      if (people.length === 0) return setEnrol({ state: 'no-recipients' });
      const answer = await api.enrol(campaignId, people);
      setEnrol({ state: 'done', answer, people });
      onEnrolled();
    } catch (error) {
      setEnrol({ state: 'failed', problem: toProblem(error) });
    }
  }
  return { campaigns, enrol, run };
}
