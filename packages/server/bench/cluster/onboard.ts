import { type ConnectionsAnswer, connectionsAnswerSchema } from '@sendwell/core';
import { answerConsent } from '@sendwell/sandbox';
import { z } from 'zod';

/** A sandbox person signed in to a Sendwell, with their mailbox connected the way a rep does it. */
export interface Rep {
  /** The sandbox person (`ava`, `gus`, …) and their address. */
  sandboxId: string;
  email: string;
  provider: 'microsoft' | 'google';
  /** Sendwell's user id and a bearer token for `/api/v1` (an 8-hour web session token). */
  userId: string;
  token: string;
  /** The connected mailbox (the lane their sends go through). */
  mailboxId: string;
}

const sessionSchema = z.object({
  token: z.string().min(1),
  user: z.object({ id: z.string(), email: z.string() }),
});
const connectStartSchema = z.object({ authorizationUrl: z.string().url() });

/**
 * `fetch` as a well-behaved client: a 429 is waited out (its Retry-After) and asked again. Onboarding
 * 20 reps from one address spends the sign-in routes' per-IP budget (docs/operations/limits.md);
 * the server is measured with its documented limits, so the harness honours them.
 */
async function politeFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const answer = await fetch(url, init);
    if (answer.status !== 429 || attempt >= 20) return answer;
    await answer.body?.cancel();
    const waitS = Number(answer.headers.get('retry-after')) || 1;
    await new Promise((resolve) => setTimeout(resolve, waitS * 1000));
  }
}

/** The `name=value` part of a Set-Cookie answer for one cookie. */
function cookieFrom(answer: Response, name: string): string {
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie in the answer (${answer.status})`);
  return cookie.split(';')[0]!;
}

function locationOf(answer: Response, what: string): string {
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`${what} answered ${answer.status}, not a redirect`);
  return location;
}

/**
 * Signs a sandbox person in to the web app over HTTP as a browser does: Sendwell's sign-in start →
 * the provider's consent page (the person picks their account and accepts) → Sendwell's callback →
 * the session cookie → `GET /app/session` for the bearer token.
 */
export async function signIn(
  serverUrl: string,
  sandboxId: string,
  provider: Rep['provider'],
): Promise<{ userId: string; email: string; token: string }> {
  const start = await politeFetch(`${serverUrl}/app/auth/start/${provider}`, { redirect: 'manual' });
  const pending = cookieFrom(start, 'sw_signin');
  const callback = await answerConsent(locationOf(start, 'sign-in start'), { account: sandboxId });
  const finish = await politeFetch(new URL(callback, serverUrl), {
    headers: { cookie: pending },
    redirect: 'manual',
  });
  const session = cookieFrom(finish, 'sw_session');
  const answer = await politeFetch(`${serverUrl}/app/session`, { headers: { cookie: session } });
  if (!answer.ok) throw new Error(`GET /app/session answered ${answer.status}: ${await answer.text()}`);
  const parsed = sessionSchema.parse(await answer.json());
  return { userId: parsed.user.id, email: parsed.user.email, token: parsed.token };
}

/** `GET /api/v1/connections` as the rep. */
export async function connections(serverUrl: string, token: string): Promise<ConnectionsAnswer> {
  const answer = await politeFetch(`${serverUrl}/api/v1/connections`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!answer.ok) throw new Error(`GET /api/v1/connections answered ${answer.status}`);
  return connectionsAnswerSchema.parse(await answer.json());
}

/**
 * Connects the rep's mailbox as the add-ins do: `POST /api/v1/connections/{provider}/start` → the
 * provider's consent page → Sendwell's `/connect/callback/{provider}`; answers the connected mailbox id.
 */
export async function connectMailbox(
  serverUrl: string,
  token: string,
  sandboxId: string,
  provider: Rep['provider'],
): Promise<string> {
  const start = await politeFetch(`${serverUrl}/api/v1/connections/${provider}/start`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!start.ok) throw new Error(`connection start answered ${start.status}: ${await start.text()}`);
  const { authorizationUrl } = connectStartSchema.parse(await start.json());
  const callback = await answerConsent(authorizationUrl, { account: sandboxId });
  const page = await politeFetch(new URL(callback, serverUrl));
  if (!page.ok) throw new Error(`the connect callback answered ${page.status}: ${await page.text()}`);
  const kind = provider === 'microsoft' ? 'exchange' : 'gmail';
  const connected = (await connections(serverUrl, token)).connections.find(
    (c) => c.provider === kind && c.state === 'connected',
  );
  if (!connected) throw new Error(`${sandboxId}'s ${kind} mailbox is not connected after consent`);
  return connected.mailboxId;
}

/** Signs the person in and connects their mailbox: a rep ready to send. */
export async function onboard(serverUrl: string, sandboxId: string, provider: Rep['provider']): Promise<Rep> {
  const who = await signIn(serverUrl, sandboxId, provider);
  const mailboxId = await connectMailbox(serverUrl, who.token, sandboxId, provider);
  return { sandboxId, email: who.email, provider, userId: who.userId, token: who.token, mailboxId };
}
