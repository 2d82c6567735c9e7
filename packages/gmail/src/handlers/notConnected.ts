import type { MessageKey, Voice } from '@sendwell/core';
import type { Card } from '../cards/types';
import { escapeText, paragraph } from '../cards/widgets';
import type { IdentityAnswer } from '../deps';

type Refusal = Extract<IdentityAnswer, { outcome: 'refused' }>['reason'];

const WORDS = {
  'no-account': 'gmail.notConnected',
  'domain-not-allowed': 'gmail.connect.domainNotAllowed',
  'email-taken': 'gmail.connect.emailTaken',
} as const satisfies Record<Refusal, MessageKey>;

/** Shown when the Google account is verified but is no Sendwell user (and why, when Sendwell knows). */
export function notConnectedCard(email: string, reason: Refusal, voice: Voice): Card {
  return {
    name: 'not-connected',
    header: { title: 'Sendwell' },
    sections: [{ widgets: [paragraph(escapeText(voice.t(WORDS[reason], { email })))] }],
  };
}
