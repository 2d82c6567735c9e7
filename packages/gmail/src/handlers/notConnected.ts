import type { Card } from '../cards/types';
import { escapeText, paragraph } from '../cards/widgets';

/** Shown when the Google account is verified but has no Sendwell user. */
export function notConnectedCard(email: string): Card {
  return {
    name: 'not-connected',
    header: { title: 'Sendwell' },
    sections: [
      {
        widgets: [
          paragraph(
            `${escapeText(email)} has no Sendwell account yet. Ask your Sendwell admin to add it, then reopen the add-on.`,
          ),
        ],
      },
    ],
  };
}
