import type { Voice } from '@sendwell/core';
import type { Card } from '../cards/types';
import { escapeText, paragraph } from '../cards/widgets';

/** Shown when the Google account is verified but has no Sendwell user. */
export function notConnectedCard(email: string, voice: Voice): Card {
  return {
    name: 'not-connected',
    header: { title: 'Sendwell' },
    sections: [
      {
        widgets: [paragraph(escapeText(voice.t('gmail.notConnected', { email })))],
      },
    ],
  };
}
