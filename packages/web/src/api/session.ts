import { z } from 'zod';

/** `GET /app/session`: the signed-in person and the bearer token the page calls `/api/v1` with. */
const sessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['rep', 'admin']),
    legacy: z.boolean(),
    tenantId: z.string(),
  }),
});
export type Session = z.infer<typeof sessionSchema>;

export type SessionAnswer =
  | { outcome: 'signed-in'; session: Session }
  | { outcome: 'signed-out'; code: string }
  | { outcome: 'unreachable'; message: string };

export async function fetchSession(doFetch: typeof fetch = fetch): Promise<SessionAnswer> {
  try {
    const response = await doFetch('/app/session', { headers: { accept: 'application/json' } });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { outcome: 'signed-in', session: sessionSchema.parse(body) };
    const code = (body as { error?: { code?: string } } | null)?.error?.code ?? 'unauthenticated';
    return { outcome: 'signed-out', code };
  } catch (error) {
    return { outcome: 'unreachable', message: (error as Error).message };
  }
}

export async function signOut(doFetch: typeof fetch = fetch): Promise<void> {
  await doFetch('/app/signout', { method: 'POST' });
}

/** Which providers this server signs people in with (`GET /app/auth/providers`). */
export async function fetchSignInProviders(
  doFetch: typeof fetch = fetch,
): Promise<('microsoft' | 'google')[]> {
  const response = await doFetch('/app/auth/providers', { headers: { accept: 'application/json' } });
  if (!response.ok) return [];
  const body = z
    .object({ providers: z.array(z.enum(['microsoft', 'google'])) })
    .safeParse(await response.json());
  return body.success ? body.data.providers : [];
}
