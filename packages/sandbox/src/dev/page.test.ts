import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';
import { buttons, statusText } from '../testing/html';
import { postJson } from '../testing/oauth';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(() => h.close());

describe('/sandbox/dev account page', () => {
  it('lists every user with "Revoke Sendwell\'s access" and "Change password" buttons', async () => {
    const page = await (await fetch(`${h.baseUrl}/dev`)).text();
    const found = buttons(page);
    for (const user of h.sandbox.users) {
      expect(found).toContainEqual({
        name: `Revoke Sendwell's access for ${user.name}`,
        testid: `dev-revoke-${user.id}`,
      });
      expect(found).toContainEqual({
        name: `Change password for ${user.name}`,
        testid: `dev-password-${user.id}`,
      });
    }
    expect(statusText(page)).toBeUndefined();
  });

  it('shows who has granted access, and confirms a revoke made from the page', async () => {
    h.sandbox.grantOffline('ivy', 'google');
    const before = await (await fetch(`${h.baseUrl}/dev`)).text();
    expect(/data-testid="dev-grants-ivy">([^<]*)</.exec(before)![1]).toContain('gmail.send');
    const res = await fetch(`${h.baseUrl}/dev/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ userId: 'ivy' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const after = await (await fetch(res.headers.get('location')!)).text();
    expect(statusText(after)).toBe(
      "Sendwell's access to Ivy Chen's account was removed: its refresh and access tokens no longer work.",
    );
    expect(/data-testid="dev-grants-ivy">([^<]*)</.exec(after)![1]).toBe('No access granted');
  });

  it('confirms a password change made from the page', async () => {
    const res = await fetch(`${h.baseUrl}/dev/password`, {
      method: 'POST',
      body: new URLSearchParams({ userId: 'eli' }),
      redirect: 'manual',
    });
    const after = await (await fetch(res.headers.get('location')!)).text();
    expect(statusText(after)).toBe(
      "Eli Novak's password was changed: refresh tokens issued before now no longer work.",
    );
  });

  it.each([
    ['/dev/revoke', { userId: 'zed' }, 404],
    ['/dev/password', {}, 404],
    ['/dev/revoke', { userId: 'ava' }, 200],
  ])('POST %s %j → %i (JSON)', async (path, body, status) => {
    expect((await postJson(`${h.baseUrl}${path}`, body)).status).toBe(status);
  });
});
