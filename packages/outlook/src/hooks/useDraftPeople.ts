import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FeedEvent, PersonStatus, SendwellApi } from '../api/types';
import { draftPeople, touchesPeople } from '../model/draftPeople';
import { type Problem, toProblem } from '../model/problem';
import type { ComposeItem, DraftRecipient } from '../office/types';
import { type Loaded, useLoad } from './useLoad';

/** One recipient of the draft and what the team knows of them (null: the lookup failed, see `problem`). */
export interface DraftPerson {
  recipient: DraftRecipient;
  status: PersonStatus | null;
  problem: Problem | null;
}

/** A Remove in flight or refused, per `email|campaignId`. */
export type RemoveState = { state: 'removing' } | { state: 'failed'; problem: Problem };

async function lookUp(api: SendwellApi, recipient: DraftRecipient): Promise<DraftPerson> {
  try {
    return { recipient, status: await api.getPerson(recipient.email), problem: null };
  } catch (error) {
    return { recipient, status: null, problem: toProblem(error) };
  }
}

/**
 * Each draft recipient's campaigns and suppression (`GET /people/{email}`), read from the draft's
 * recipients at that moment: on open, on "check again", after an enrolment, and when the feed
 * says something happened to one of them (a bounce, a reply, leaving, a step sent).
 */
export function useDraftPeople(api: SendwellApi, item: ComposeItem, latest: FeedEvent | null) {
  const people = useLoad(async () => {
    const recipients = draftPeople(await item.getRecipients());
    return Promise.all(recipients.map((recipient) => lookUp(api, recipient)));
  });
  const [overrides, setOverrides] = useState<ReadonlyMap<string, PersonStatus>>(new Map());
  const [removals, setRemovals] = useState<ReadonlyMap<string, RemoveState>>(new Map());
  const { reload } = people;
  const emails = useMemo(
    () => new Set(people.state === 'ready' ? people.value.map((p) => p.recipient.email.toLowerCase()) : []),
    [people],
  );
  const emailsRef = useRef(emails);
  emailsRef.current = emails;
  const refresh = useCallback(() => {
    setOverrides(new Map());
    reload();
  }, [reload]);
  useEffect(() => {
    if (latest && touchesPeople(latest, emailsRef.current)) refresh();
  }, [latest, refresh]);

  const setRemoval = (key: string, state: RemoveState | null) =>
    setRemovals((previous) => {
      const next = new Map(previous);
      if (state) next.set(key, state);
      else next.delete(key);
      return next;
    });
  async function remove(email: string, campaignId: string) {
    const key = `${email.toLowerCase()}|${campaignId}`;
    setRemoval(key, { state: 'removing' });
    try {
      const after = await api.removePerson(email, campaignId);
      setOverrides((previous) => new Map(previous).set(email.toLowerCase(), after));
      setRemoval(key, null);
    } catch (error) {
      setRemoval(key, { state: 'failed', problem: toProblem(error) });
    }
  }
  const shown: Loaded<DraftPerson[]> =
    people.state === 'ready'
      ? {
          state: 'ready',
          value: people.value.map((p) => ({
            ...p,
            status: overrides.get(p.recipient.email.toLowerCase()) ?? p.status,
          })),
        }
      : people;
  return { people: shown, refresh, remove, removals };
}
