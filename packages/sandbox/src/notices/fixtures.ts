import type { NoticeInput, NoticeRecipient } from './types';

/** A notice input as the post office would build it; shared by the notice tests. */
export function sampleNoticeInput(
  kind: NoticeInput['kind'],
  recipients: NoticeRecipient[],
  sender = 'gus@acme.test',
): NoticeInput {
  const originalMessageId = '<sw-1a2b3c@sendwell.test>';
  return {
    kind,
    sender,
    originalHeaders: [
      { name: 'From', value: `Gus Ibarra <${sender}>` },
      { name: 'To', value: recipients.map((r) => r.address).join(', ') },
      { name: 'Bcc', value: 'hidden@example.test' },
      { name: 'Subject', value: 'Quick question' },
      { name: 'Message-ID', value: originalMessageId },
      { name: 'X-Sendwell-Id', value: 'snd_42' },
    ],
    originalSubject: 'Quick question',
    originalMessageId,
    sentAt: new Date('2026-01-05T09:00:00Z'),
    recipients,
    at: new Date('2026-01-05T09:00:01Z'),
    seed: 'a1b2c3d4e5f60718',
  };
}
