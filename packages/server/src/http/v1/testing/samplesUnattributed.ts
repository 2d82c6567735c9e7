import type { Sample } from './samples';

const fixed = (path: string) => () => ({ path });

/** Samples of H4's issue-9 operation: bounces and replies the scanner could not attribute. */
export const UNATTRIBUTED_SAMPLES: Record<string, Sample[]> = {
  listUnattributed: [
    { user: 'eli', what: 'my unattributed bounces', status: 200, request: fixed('/unattributed') },
    {
      user: 'ava',
      what: "the team's replies (admin)",
      status: 200,
      request: fixed('/unattributed?kind=reply&scope=team'),
    },
    { user: 'eli', what: "the team's, as a rep", status: 403, request: fixed('/unattributed?scope=team') },
    { user: 'eli', what: 'an unknown kind', status: 400, request: fixed('/unattributed?kind=open') },
  ],
};
