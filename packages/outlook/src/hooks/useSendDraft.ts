import type { Clock } from '@sendwell/core';
import { useState } from 'react';
import type { SendAccepted, SendwellApi } from '../api/types';
import { buildSendRequest } from '../model/draft';
import { type Problem, toProblem } from '../model/problem';
import type { ComposeItem } from '../office/types';

export type SendState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'accepted'; send: SendAccepted; at: Date }
  | { state: 'invalid'; message: string }
  | { state: 'failed'; problem: Problem };

export interface SendDeps {
  api: SendwellApi;
  item: ComposeItem;
  clock: Clock;
  /** One fresh key per click: a retried request is deduplicated by the server, a new click is a new send. */
  newIdempotencyKey: () => string;
}

export function useSendDraft(deps: SendDeps, templateId: string | undefined) {
  const [send, setSend] = useState<SendState>({ state: 'idle' });
  async function run() {
    const idempotencyKey = deps.newIdempotencyKey();
    setSend({ state: 'sending' });
    try {
      const [recipients, subject, body] = await Promise.all([
        deps.item.getRecipients(),
        deps.item.getSubject(),
        deps.item.getBody(),
      ]);
      const checked = buildSendRequest({ recipients, subject, body }, { idempotencyKey, templateId });
      if (!checked.ok) return setSend({ state: 'invalid', message: checked.message });
      const accepted = await deps.api.createSend(checked.request);
      setSend({ state: 'accepted', send: accepted, at: deps.clock.now() });
    } catch (error) {
      setSend({ state: 'failed', problem: toProblem(error) });
    }
  }
  return { send, run };
}
