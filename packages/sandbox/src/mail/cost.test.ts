import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';
import { type MailboxState, MailStore } from './store';

/**
 * An incremental round (10 new messages) must not cost more in a full mailbox: the number of
 * index entries each provider read touches, counted at 1,000 and at 20,000 messages (no timing).
 */
let h: Harness;
afterEach(() => h.close());

let reads = 0;
function counted<T>(items: T[]): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
}

function instrument(box: MailboxState): void {
  box.byTime = counted(box.byTime);
  box.history = counted(box.history);
  box.folders.inbox = counted(box.folders.inbox);
}

async function readsOf(request: () => Promise<unknown>): Promise<number> {
  reads = 0;
  await request();
  return reads;
}

async function incrementalRound(size: number): Promise<Record<string, number>> {
  h = await startSandbox();
  const boxes = vi.spyOn(MailStore.prototype, 'mailbox');
  h.sandbox.fillMailbox({ address: 'gus@acme.test', messages: size, bounces: 10, replies: 10 });
  h.sandbox.fillMailbox({ address: 'ava@contoso.test', messages: size, bounces: 10, replies: 10 });
  const gToken = h.sandbox.issueGoogleAccessToken('gus');
  const gmail = (path: string, token = gToken, init: RequestInit = {}) =>
    fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    }).then((r) => r.json());
  const msToken = await h.sandbox.issueMicrosoftToken('ava');
  const graph = (url: string) =>
    fetch(url, { headers: { Authorization: `Bearer ${msToken}` } }).then((r) => r.json());
  const { historyId } = await gmail('profile');
  const since = h.clock.now().toISOString();
  const first = await graph(
    `${h.sandbox.microsoft.graphBaseUrl}/me/mailFolders/inbox/messages/delta?$select=id&$filter=${encodeURIComponent(`receivedDateTime gt ${since}`)}`,
  );
  h.clock.advance(60_000);
  const ivy = h.sandbox.issueGoogleAccessToken('ivy');
  const eli = await h.sandbox.issueMicrosoftToken('eli');
  for (let i = 0; i < 10; i++) {
    const raw = Buffer.from(`To: gus@acme.test\r\nSubject: New ${i}\r\n\r\nHello\r\n`).toString('base64url');
    await gmail('messages/send', ivy, { method: 'POST', body: JSON.stringify({ raw }) });
    await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${eli}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        message: { subject: `New ${i}`, toRecipients: [{ emailAddress: { address: 'ava@contoso.test' } }] },
      }),
    });
  }
  const box = (id: string) =>
    boxes.mock.results.map((r) => r.value as MailboxState).find((b) => b.user.id === id)!;
  instrument(box('gus'));
  instrument(box('ava'));
  boxes.mockRestore();
  const counts: Record<string, number> = {};
  counts.history = await readsOf(async () => {
    expect((await gmail(`history?startHistoryId=${historyId}`)).history).toHaveLength(10);
  });
  counts.list = await readsOf(async () => {
    const after = Math.floor(Date.parse(since) / 1000) + 1;
    expect((await gmail(`messages?q=${encodeURIComponent(`after:${after}`)}`)).messages).toHaveLength(10);
  });
  counts.delta = await readsOf(async () => {
    expect((await graph(first['@odata.deltaLink'])).value).toHaveLength(10);
  });
  await h.close();
  return counts;
}

describe('incremental cost does not grow with the mailbox', () => {
  it('history.list, an after: list and a Graph delta round read about as many entries at 20,000 as at 1,000', async () => {
    const small = await incrementalRound(1_000);
    const large = await incrementalRound(20_000);
    for (const read of ['history', 'list', 'delta'] as const) {
      // A binary search costs log2(n) reads: at most ~5 more per search from 1,000 to 20,000.
      expect(large[read]! - small[read]!, read).toBeLessThanOrEqual(12);
      expect(large[read]!, read).toBeLessThan(60);
    }
  }, 300_000);
});
