import type { gmail_v1 } from '@googleapis/gmail';
import type { InboxBackfill } from '@sendwell/core';

const USER = 'me';
const PAGE = 500;

/**
 * Gmail search words for delivery notices and feedback-loop reports (ARF), the same senders and
 * subjects the scanner's header pre-filter looks for. A notice that matches none of them is still
 * found if it landed in the thread of one of our emails (Gmail threads notices with the original).
 */
const NOTICE_TERMS = [
  'from:mailer-daemon',
  'from:postmaster',
  'from:microsoftexchange',
  'subject:undeliverable',
  'subject:undelivered',
  'subject:"delivery status notification"',
  'subject:"delivery has failed"',
  'subject:"failure notice"',
  'subject:"returned mail"',
  'subject:"could not be delivered"',
  'subject:"delivery delayed"',
  'subject:"abuse report"',
  'subject:"complaint about"',
  'subject:"feedback report"',
];

type Listed = { id: string; threadId: string };

/**
 * A mailbox's first scan, cheaply: one search for notices, and one listing of ids (500 per call, no
 * metadata) keeping only messages in the threads of our own sends. Only those get a metadata read
 * afterwards: the cost follows what we sent and what bounced, not the size of the inbox.
 */
export async function backfillIds(
  api: gmail_v1.Gmail,
  call: { rootUrl: string },
  backfill: InboxBackfill,
): Promise<string[]> {
  const after = `in:inbox after:${Math.floor(backfill.since.getTime() / 1000)}`;
  const notices = await listAll(api, call, `${after} {${NOTICE_TERMS.join(' ')}}`);
  const ours = await backfill.ourThreadIds();
  const inThreads = ours.size ? (await listAll(api, call, after)).filter((m) => ours.has(m.threadId)) : [];
  const ids = new Set<string>();
  // Oldest first, as history would have given them.
  for (const m of [...notices, ...inThreads].reverse()) ids.add(m.id);
  return [...ids];
}

async function listAll(api: gmail_v1.Gmail, call: { rootUrl: string }, q: string): Promise<Listed[]> {
  const found: Listed[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await api.users.messages.list(
      { userId: USER, q, maxResults: PAGE, ...(pageToken ? { pageToken } : {}) },
      call,
    );
    for (const m of data.messages ?? []) if (m.id) found.push({ id: m.id, threadId: m.threadId ?? '' });
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}
