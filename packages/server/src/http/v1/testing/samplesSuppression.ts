import type { Sample, SampleContext } from './samples';

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** A fresh manual suppression (eli's), for the lift samples. */
async function suppressedId(ctx: SampleContext): Promise<string> {
  const email = `lift-${crypto.randomUUID()}@example.com`;
  const response = await ctx.bed.call('eli', 'POST', '/suppressions', { email });
  if (response.status !== 201) throw new Error(`could not suppress ${email}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Samples of H3's issue-9 operations: suppressions and the team's bounce rules. */
export const SUPPRESSION_SAMPLES: Record<string, Sample[]> = {
  addSuppression: [
    {
      user: 'eli',
      what: 'an address, with a note',
      status: 201,
      request: fixed('/suppressions', { email: 'Contract-Stop@Example.com', note: 'Asked us by phone' }),
    },
    {
      user: 'eli',
      what: 'the same address again',
      status: 200,
      request: fixed('/suppressions', { email: 'contract-stop@example.com' }),
    },
    { user: 'eli', what: 'not an address', status: 400, request: fixed('/suppressions', { email: 'nope' }) },
  ],
  listSuppressions: [
    { user: 'eli', what: "the team's", status: 200, request: fixed('/suppressions?limit=5') },
    {
      user: 'eli',
      what: 'one address, history too',
      status: 200,
      request: fixed('/suppressions?email=contract-stop@example.com&state=all'),
    },
    { user: 'eli', what: 'an unknown state', status: 400, request: fixed('/suppressions?state=gone') },
    { user: null, what: 'no token', status: 401, request: fixed('/suppressions') },
  ],
  liftSuppression: [
    {
      user: 'ava',
      what: 'a suppression',
      status: 200,
      request: async (ctx) => ({ path: `/suppressions/${await suppressedId(ctx)}/lift` }),
    },
    {
      user: 'ava',
      what: 'one already lifted',
      status: 409,
      request: async (ctx) => {
        const id = await suppressedId(ctx);
        await ctx.bed.call('ava', 'POST', `/suppressions/${id}/lift`);
        return { path: `/suppressions/${id}/lift` };
      },
    },
    { user: 'ava', what: 'an unknown id', status: 404, request: fixed('/suppressions/999999/lift') },
    { user: 'eli', what: 'a rep', status: 403, request: fixed('/suppressions/1/lift') },
  ],
  getBounceRules: [
    { user: 'eli', what: 'a rep reads them', status: 200, request: fixed('/settings/bounce-rules') },
  ],
  updateBounceRules: [
    {
      user: 'ava',
      what: 'one rule',
      status: 200,
      request: fixed('/settings/bounce-rules', { softBounceLimit: 4 }),
    },
    {
      user: 'ava',
      what: 'a rule out of range',
      status: 400,
      request: fixed('/settings/bounce-rules', { breakerRate: 2 }),
    },
    {
      user: 'ava',
      what: 'a rule that does not exist',
      status: 400,
      request: fixed('/settings/bounce-rules', { bounceEverything: true }),
    },
    {
      user: 'eli',
      what: 'a rep',
      status: 403,
      request: fixed('/settings/bounce-rules', { trackOpens: true }),
    },
  ],
};
