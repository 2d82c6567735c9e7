import type { Clock } from '@sendwell/core';
import { useState } from 'react';
import type { AcceptedSend, SendwellApi } from '../api/types';
import { useVoice } from '../components/voice';
import { checkDraft } from '../model/draft';
import { type Problem, toProblem } from '../model/problem';
import type { ComposeItem, DraftRecipient } from '../office/types';
import type { DraftStore } from './useDraftState';

export type SendState =
  | { state: 'idle' }
  | { state: 'sending' }
  /** The pane refused before posting: `message` says what to fix. */
  | { state: 'invalid'; message: string }
  /** The To line changed since Insert merged the template: merge again first. */
  | { state: 'recipients-changed'; added: string[]; removed: string[]; mergedFor: DraftRecipient | null }
  /** The server took the draft; `duplicate` when this draft had been sent before (nothing new went out). */
  | { state: 'accepted'; sends: AcceptedSend[]; duplicate: boolean; at: Date }
  | { state: 'failed'; problem: Problem };

export interface SendDeps {
  api: SendwellApi;
  item: ComposeItem;
  clock: Clock;
}

/** Read the draft at click time, check it, post it with the draft's own idempotency key. */
export function useSendDraft(deps: SendDeps, store: DraftStore) {
  const voice = useVoice();
  const [send, setSend] = useState<SendState>({ state: 'idle' });
  /** `sendAt`: the time the rep picked (schedule send); absent, it goes as soon as the throttle allows. */
  async function run(sendAt?: Date) {
    setSend({ state: 'sending' });
    try {
      const [state, recipients, subject, body] = await Promise.all([
        store.current(),
        deps.item.getRecipients(),
        deps.item.getSubject(),
        deps.item.getBody(),
      ]);
      const checked = checkDraft({ recipients, subject, body }, state, voice);
      if (checked.outcome === 'invalid') return setSend({ state: 'invalid', message: checked.message });
      if (checked.outcome === 'recipients-changed')
        return setSend({ state: 'recipients-changed', ...checked });
      const request = sendAt ? { ...checked.request, sendAt: sendAt.toISOString() } : checked.request;
      const answer = await deps.api.createSend(request);
      const at = deps.clock.now();
      const sendIds = answer.sends.map((accepted) => accepted.id);
      // Remembering "sent" is a courtesy for a reopened pane; the server's key check is what sends once.
      await store
        .update((draft) => ({ ...draft, sent: draft.sent ?? { at: at.toISOString(), sendIds } }))
        .catch(() => undefined);
      setSend({ state: 'accepted', sends: answer.sends, duplicate: answer.duplicate, at });
    } catch (error) {
      setSend({ state: 'failed', problem: toProblem(error) });
    }
  }
  const reset = () => setSend({ state: 'idle' });
  return { send, run, reset };
}
