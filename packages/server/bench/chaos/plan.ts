import type { SendRequestBody } from '@sendwell/core';

/** The people whose mailboxes the bench sends through: both providers, three each. */
export const CHAOS_REPS = [
  { sandboxId: 'ava', provider: 'microsoft' },
  { sandboxId: 'gus', provider: 'google' },
  { sandboxId: 'eli', provider: 'microsoft' },
  { sandboxId: 'ivy', provider: 'google' },
  { sandboxId: 'nia', provider: 'microsoft' },
  { sandboxId: 'max', provider: 'google' },
] as const;

/** One draft the bench asks a rep to send. */
export interface Draft {
  /** Index into the reps. */
  rep: number;
  body: SendRequestBody;
}

/**
 * Deterministic drafts: every recipient unique (a hard bounce suppresses its address for the team),
 * about one in ten a hard bounce (`@bounce.test`), one in twenty a soft one (`@full.test`), one in
 * twenty-five with a good and a bouncing recipient together; the rest leave the sandbox as delivered.
 */
export function planDrafts(
  count: number,
  reps: number,
  runId: string,
  templateIds: readonly string[],
): Draft[] {
  return Array.from({ length: count }, (_, i) => {
    const person = (domain: string, tag = '') => `c${i}${tag}-${runId}@${domain}`;
    let to: string[];
    if (i % 10 === 3) to = [person('bounce.test')];
    else if (i % 20 === 7) to = [person('full.test')];
    else if (i % 25 === 11) to = [person('customers.example'), person('bounce.test', 'b')];
    else to = [person('customers.example')];
    const rep = i % reps;
    return {
      rep,
      body: {
        host: 'web',
        to,
        subject: `Chaos check ${i}`,
        body: `<p>Hello, this is chaos draft ${i} of run ${runId}.</p>`,
        templateId: templateIds[rep] ?? null,
        idempotencyKey: `chaos-${runId}-${i}`,
      },
    };
  });
}

/** A small seeded generator (mulberry32): the same seed gives the same kill moments. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
