import type { ConnectionInfo, Voice } from '@sendwell/core';
import type { Card, CardSection, Widget } from './types';
import { button, buttonList, escapeText, linkButton, paragraph } from './widgets';

/**
 * The rep's Gmail connection in words (core's `voice.connection`, the same words as the Outlook
 * pane's banner) and, when the rep can act, the button that opens Google's consent in a popup. A null
 * URL: this Sendwell cannot connect Google accounts, and the card says so instead.
 */
function connectionSection(info: ConnectionInfo | null, url: string | null, voice: Voice): CardSection {
  const words = voice.connection(info, 'gmail');
  const widgets: Widget[] = words.detail ? [paragraph(escapeText(words.detail))] : [];
  if (words.action && !url) widgets.push(paragraph(escapeText(voice.t('gmail.connect.unavailable'))));
  if (words.action && url) {
    const label = voice.t(words.action === 'reconnect' ? 'gmail.connect.reconnect' : 'gmail.connect.button');
    widgets.push(paragraph(escapeText(voice.t('gmail.connect.popup'))), buttonList([linkButton(label, url)]));
  }
  return { header: escapeText(words.title), widgets };
}

export interface ConnectCardData {
  addonUrl: string;
  email: string;
  /** The Gmail connection: null when there is none, else disconnected or disabled. */
  info: ConnectionInfo | null;
  /** The authorization URL for the connect button; null when the rep cannot connect here. */
  url: string | null;
  voice: Voice;
}

/**
 * The card of a Sendwell user whose Gmail is not connected (or no longer is): what is wrong and, when
 * the rep can fix it, "Connect Gmail". Its popup closing makes Gmail reload the add-on, which then
 * shows the home card. Refresh re-checks by hand (an admin may have enabled the mailbox meanwhile).
 */
export function connectCard(data: ConnectCardData): Card {
  return {
    name: 'connect',
    header: { title: 'Sendwell', subtitle: escapeText(data.email) },
    sections: [
      connectionSection(data.info, data.url, data.voice),
      { widgets: [buttonList([button(data.addonUrl, data.voice.t('ui.refresh'), 'refresh')])] },
    ],
  };
}

/**
 * The banner on the home and compose cards while Gmail needs reconnecting: what went wrong, how many
 * sends wait for it, and one click to reconnect.
 */
export function reconnectBanner(info: ConnectionInfo, url: string | null, voice: Voice): CardSection {
  return connectionSection(info, url, voice);
}
