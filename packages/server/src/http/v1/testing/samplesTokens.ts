import type { Sample, SampleContext } from './samples';

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** A token `user` made through the API, for the revoke rows. */
async function madeToken(c: SampleContext, user: string): Promise<string> {
  const response = await c.bed.call(user, 'POST', '/tokens', { name: `Sample ${crypto.randomUUID()}` });
  return ((await response.json()) as { apiToken: { id: string } }).apiToken.id;
}

/**
 * Samples of the API token operations (issue 11). Revoking all of a user's tokens ends every token
 * issued until then, the table's own too: those rows use nia, whom no other row calls as.
 */
export const TOKEN_SAMPLES: Record<string, Sample[]> = {
  listApiTokens: [{ user: 'eli', what: 'my tokens', status: 200, request: fixed('/tokens?limit=5') }],
  createApiToken: [
    { user: 'eli', what: 'a token for a script', status: 201, request: fixed('/tokens', { name: 'Script' }) },
    { user: 'eli', what: 'no name', status: 400, request: fixed('/tokens', { name: '' }) },
  ],
  revokeApiToken: [
    {
      user: 'eli',
      what: 'one of mine',
      status: 200,
      request: async (c) => ({ path: `/tokens/${await madeToken(c, 'eli')}/revoke` }),
    },
    {
      user: 'gus',
      what: "another team's",
      status: 404,
      request: async (c) => ({ path: `/tokens/${await madeToken(c, 'eli')}/revoke` }),
    },
  ],
  revokeAllApiTokens: [
    { user: 'nia', what: 'all of mine', status: 200, request: fixed('/tokens/revoke-all') },
  ],
  listMemberApiTokens: [
    { user: 'ava', what: "a member's, as an admin", status: 200, request: fixed('/members/eli/tokens') },
    { user: 'gus', what: "another team's member", status: 404, request: fixed('/members/eli/tokens') },
  ],
  revokeMemberApiTokens: [
    {
      user: 'ava',
      what: "a member's, as an admin",
      status: 200,
      request: fixed('/members/nia/tokens/revoke'),
    },
    { user: 'eli', what: 'as a rep', status: 403, request: fixed('/members/nia/tokens/revoke') },
  ],
};
