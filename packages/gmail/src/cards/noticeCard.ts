import type { Voice } from '@sendwell/core';
import type { NoticeRecipient, NoticeView } from '../deps';
import { personLines } from './campaignWords';
import type { Button, Card, CardSection, Widget } from './types';
import { button, buttonList, decorated, escapeText, paragraph } from './widgets';

export interface NoticeCardData {
  addonUrl: string;
  /** The Gmail message open in the reader (the actions read it again). */
  messageId: string;
  notice: NoticeView;
  voice: Voice;
}

/** The longest diagnostic shown: the rest is the provider's boilerplate. */
const DIAGNOSTIC_CHARS = 200;

function kindWords(r: NoticeRecipient, voice: Voice): string {
  if (r.action === 'delayed') return voice.t('notice.delayed');
  if (r.hard === true) return voice.t('notice.hard');
  if (r.hard === false) return voice.t('notice.soft');
  return voice.t('notice.unclassified');
}

/** Hard or soft, the reason in plain words (core's bounce reasons), and the server's own line. */
function reasonWidget(r: NoticeRecipient, voice: Voice): Widget {
  const diagnostic = r.diagnostic ? r.diagnostic.slice(0, DIAGNOSTIC_CHARS) : null;
  const evidence = voice.join(r.status, diagnostic);
  return decorated({
    topLabel: escapeText(kindWords(r, voice)),
    text: escapeText(voice.bounceReason(r.reason)),
    ...(evidence ? { bottomLabel: escapeText(evidence) } : {}),
  });
}

/** Which of the rep's emails it answers (subject, when it went), or that it is not one of them. */
function sendWidget(r: NoticeRecipient, voice: Voice): Widget {
  if (!r.send) return paragraph(escapeText(voice.t('notice.unattributed')));
  return decorated({
    topLabel: escapeText(voice.t('notice.yourEmail')),
    text: escapeText(r.send.subject || '—'),
    ...(r.send.sentAt ? { bottomLabel: escapeText(voice.time(r.send.sentAt)) } : {}),
  });
}

function actions(r: NoticeRecipient, data: NoticeCardData): Widget[] {
  const params = { messageId: data.messageId, email: r.email };
  const list: Button[] = [];
  if (r.person.enrolments.some((e) => e.status === 'active'))
    list.push(button(data.addonUrl, data.voice.t('campaign.action.remove'), 'notice-remove', params));
  if (!r.person.suppression)
    list.push(button(data.addonUrl, data.voice.t('suppression.action.suppress'), 'notice-suppress', params));
  return list.length ? [buttonList(list)] : [];
}

function recipientSection(r: NoticeRecipient, data: NoticeCardData): CardSection {
  const { voice } = data;
  return {
    header: escapeText(r.email),
    widgets: [
      reasonWidget(r, voice),
      sendWidget(r, voice),
      decorated({
        topLabel: escapeText(r.email),
        text: personLines(voice, r.person).map(escapeText).join('<br>'),
      }),
      ...actions(r, data),
    ],
  };
}

/**
 * The contextual card for a bounce notice open in Gmail: per recipient it names, which send and
 * person it belongs to, hard or soft, the reason in plain words, and "Remove from campaign" /
 * "Suppress" while they still apply.
 */
export function noticeCard(data: NoticeCardData): Card {
  return {
    name: 'notice',
    header: {
      title: escapeText(data.voice.t('notice.title')),
      subtitle: escapeText(data.voice.t('notice.subtitle')),
    },
    sections: data.notice.recipients.map((r) => recipientSection(r, data)),
  };
}
