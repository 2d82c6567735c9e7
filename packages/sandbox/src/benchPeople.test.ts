import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './testing/harness';
import { DEMO_USERS } from './users';

type Harness = Awaited<ReturnType<typeof startSandbox>>;

// Benches ask for many mailboxes (`benchPeople: 20`): generated people who exist everywhere the demo
// people do (the user list, a mailbox, a Microsoft or Google token for their provider).
describe('generated bench people', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox({ benchPeople: 20 });
  });
  afterAll(() => h.close());

  it('follow the demo people with unique ids, addresses, subjects and mailboxes, half Exchange, half Gmail', async () => {
    const { users } = (await (await fetch(`${h.baseUrl}/dev/users`)).json()) as {
      users: { id: string; email: string; subject: string; mailboxId: string; provider: string }[];
    };
    const generated = users.slice(DEMO_USERS.length);
    expect(generated.map((u) => u.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`),
    );
    for (const key of ['id', 'email', 'subject', 'mailboxId'] as const)
      expect(new Set(users.map((u) => u[key])).size).toBe(users.length);
    expect(generated.filter((u) => u.provider === 'exchange')).toHaveLength(10);
    for (const user of generated) expect(h.sandbox.messages(user.id, 'sentitems')).toEqual([]);
  });

  it.each([
    ['rep01', 'exchange'],
    ['rep02', 'gmail'],
  ])('%s gets a token from its provider (%s)', async (id, provider) => {
    const token =
      provider === 'exchange'
        ? await h.sandbox.issueMicrosoftToken(id)
        : h.sandbox.issueGoogleAccessToken(id);
    expect(token.length).toBeGreaterThan(20);
  });
});
