import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';
import type { MailboxTruth } from './truth';

// The sandbox's own truth (GET /dev/truth) and held send answers (/dev/stall), as the crash bench
// (packages/server/bench/chaos) reads and drives them over HTTP.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

const mime = (to: string, id: string) =>
  Buffer.from(
    `To: ${to}\r\nSubject: Check ${id}\r\nMessage-ID: <${id}@sendwell.local>\r\nX-Sendwell-Id: ${id}\r\n\r\nHello\r\n`,
  );

/** Sends as the person through their provider's real send route; answers the HTTP status. */
async function send(person: 'ava' | 'gus', to: string, id: string): Promise<number> {
  if (person === 'gus') {
    const token = h.sandbox.issueGoogleAccessToken('gus');
    const answer = await fetch(`${h.sandbox.google.rootUrl}gmail/v1/users/me/messages/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ raw: mime(to, id).toString('base64url') }),
    });
    return answer.status;
  }
  const token = await h.sandbox.issueMicrosoftToken('ava');
  const answer = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: mime(to, id).toString('base64'),
  });
  return answer.status;
}

const truth = async (address: string): Promise<MailboxTruth> =>
  (await fetch(`${h.baseUrl}/dev/truth?address=${encodeURIComponent(address)}`)).json();

describe.each([
  ['ava', 'ava@contoso.test'],
  ['gus', 'gus@acme.test'],
] as const)('GET /dev/truth for %s', (person, address) => {
  it('lists the Sent folder with X-Sendwell-Id and every failure notice filed, once due', async () => {
    expect(await send(person, 'pat@bounce.test', 'snd_1')).toBeLessThan(300);
    expect(await send(person, 'lee@customers.example', 'snd_2')).toBeLessThan(300);
    const before = await truth(address);
    expect(before.sent.map((m) => [m.sendwellId, m.to])).toEqual([
      ['snd_1', ['pat@bounce.test']],
      ['snd_2', ['lee@customers.example']],
    ]);
    expect(before.notices).toEqual([]);
    expect(before.pending).toBe(1);
    h.clock.advance(1000);
    const after = await truth(address);
    expect(after.pending).toBe(0);
    expect(after.notices).toEqual([
      expect.objectContaining({
        kind: 'failure',
        sendwellId: 'snd_1',
        recipients: [{ address: 'pat@bounce.test', fate: 'hard-bounce' }],
      }),
    ]);
  });

  it('holds the answer of an armed send after filing it in Sent, until released', async () => {
    await fetch(`${h.baseUrl}/dev/stall`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address }),
    });
    let answered = false;
    const pending = send(person, 'lee@customers.example', 'snd_3').then((status) => {
      answered = true;
      return status;
    });
    for (let i = 0; i < 200 && (await truth(address)).sent.length === 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    const stall = await (await fetch(`${h.baseUrl}/dev/stall?address=${address}`)).json();
    expect({ stall, sent: (await truth(address)).sent.map((m) => m.sendwellId), answered }).toEqual({
      stall: { armed: 0, held: 1 },
      sent: ['snd_3'],
      answered: false,
    });
    const release = await fetch(`${h.baseUrl}/dev/stall/release`, { method: 'POST', body: '{}' });
    expect(await release.json()).toEqual({ released: 1 });
    expect(await pending).toBeLessThan(300);
    // Disarmed: the next send is answered at once.
    expect(await send(person, 'kim@customers.example', 'snd_4')).toBeLessThan(300);
  });
});

it.each([
  ['/dev/truth?address=nobody', 400],
  ['/dev/truth?address=nobody@nowhere.test', 404],
  ['/dev/stall?address=', 400],
])('GET %s answers %i', async (path, status) => {
  expect((await fetch(`${h.baseUrl}${path}`)).status).toBe(status);
});
