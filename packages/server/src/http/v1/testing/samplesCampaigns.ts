import type { Sample, SampleContext } from './samples';

/** Samples of H2's operations (campaigns and people, issue 9). eli owns the campaigns; nia is his teammate (a rep); gus is in another team. */

const fixed = (path: string, body?: unknown) => () => ({ path, body });

/** A fresh two-step campaign of eli's, made through the API. */
async function campaign(c: SampleContext): Promise<string> {
  const templateId = await c.template('eli');
  const response = await c.bed.call('eli', 'POST', '/campaigns', {
    name: `Sample ${crypto.randomUUID()}`,
    timeZone: 'Europe/Paris',
    steps: [
      { templateId, delay: { amount: 0, unit: 'hours' } },
      { templateId, delay: { amount: 2, unit: 'days', businessDays: true }, thread: 'same' },
    ],
  });
  if (response.status !== 201) throw new Error(`campaign: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** A campaign with one person in it: the campaign's id and the enrolment's. */
async function enrolled(c: SampleContext): Promise<{ id: string; enrolmentId: string }> {
  const id = await campaign(c);
  const response = await c.bed.call('eli', 'POST', `/campaigns/${id}/enrolments`, {
    people: [{ email: `person-${crypto.randomUUID()}@example.com`, displayName: 'Pat Lee' }],
  });
  const answer = (await response.json()) as { enrolmentIds: string[] };
  return { id, enrolmentId: answer.enrolmentIds[0]! };
}

const onCampaign = (suffix: string, body?: unknown) => async (c: SampleContext) => ({
  path: `/campaigns/${await campaign(c)}${suffix}`,
  body,
});

export const CAMPAIGN_SAMPLES: Record<string, Sample[]> = {
  listCampaigns: [
    { user: 'eli', what: "the team's", status: 200, request: fixed('/campaigns?scope=team&limit=5') },
    { user: 'eli', what: 'an unknown status', status: 400, request: fixed('/campaigns?status=sleeping') },
  ],
  createCampaign: [
    {
      user: 'eli',
      what: 'two steps',
      status: 201,
      request: async (c) => ({
        path: '/campaigns',
        body: {
          name: 'Spring intro',
          steps: [{ templateId: await c.template('eli'), delay: { amount: 1, unit: 'hours' } }],
        },
      }),
    },
    {
      user: 'eli',
      what: 'no steps',
      status: 400,
      request: fixed('/campaigns', { name: 'Empty', steps: [] }),
    },
    {
      user: 'eli',
      what: 'a template from another team',
      status: 422,
      request: async (c) => ({
        path: '/campaigns',
        body: {
          name: 'Borrowed',
          steps: [{ templateId: await c.template('gus'), delay: { amount: 1, unit: 'hours' } }],
        },
      }),
    },
  ],
  getCampaign: [
    { user: 'nia', what: "a teammate's campaign", status: 200, request: onCampaign('') },
    { user: 'gus', what: "another team's campaign", status: 404, request: onCampaign('') },
  ],
  updateCampaign: [
    { user: 'eli', what: 'renamed', status: 200, request: onCampaign('', { name: 'Renamed' }) },
    { user: 'eli', what: 'an empty name', status: 400, request: onCampaign('', { name: '' }) },
    {
      user: 'nia',
      what: 'a teammate (a rep) changing it',
      status: 403,
      request: onCampaign('', { name: 'Mine now' }),
    },
    { user: 'eli', what: 'no such campaign', status: 404, request: fixed('/campaigns/nope', { name: 'X' }) },
    {
      user: 'eli',
      what: 'a template he cannot use',
      status: 422,
      request: async (c) =>
        onCampaign('', {
          steps: [{ templateId: await c.template('gus'), delay: { amount: 1, unit: 'hours' } }],
        })(c),
    },
  ],
  pauseCampaign: [
    { user: 'eli', what: 'his campaign', status: 200, request: onCampaign('/pause') },
    { user: 'nia', what: "a teammate's", status: 403, request: onCampaign('/pause') },
    { user: 'gus', what: "another team's", status: 404, request: onCampaign('/pause') },
  ],
  resumeCampaign: [
    {
      user: 'eli',
      what: 'after he paused it',
      status: 200,
      request: async (c) => {
        const id = await campaign(c);
        await c.bed.call('eli', 'POST', `/campaigns/${id}/pause`);
        return { path: `/campaigns/${id}/resume` };
      },
    },
    { user: 'nia', what: "a teammate's", status: 403, request: onCampaign('/resume') },
    { user: 'eli', what: 'no such campaign', status: 404, request: fixed('/campaigns/nope/resume') },
  ],
  listEnrolments: [
    {
      user: 'eli',
      what: 'its people',
      status: 200,
      request: async (c) => ({ path: `/campaigns/${(await enrolled(c)).id}/enrolments?status=active` }),
    },
    { user: 'eli', what: 'a cursor not ours', status: 400, request: onCampaign('/enrolments?cursor=nope') },
    { user: 'gus', what: "another team's", status: 404, request: onCampaign('/enrolments') },
  ],
  enrol: [
    {
      user: 'eli',
      what: 'one good row, one bad row',
      status: 200,
      request: onCampaign('/enrolments', {
        people: [{ email: 'pat@example.com', displayName: 'Pat Lee' }, { email: 'not an address' }],
        source: 'csv',
      }),
    },
    { user: 'eli', what: 'nobody', status: 400, request: onCampaign('/enrolments', { people: [] }) },
    {
      user: 'nia',
      what: "a teammate's campaign",
      status: 403,
      request: onCampaign('/enrolments', { people: [{ email: 'a@example.com' }] }),
    },
    {
      user: 'gus',
      what: "another team's",
      status: 404,
      request: onCampaign('/enrolments', { people: [{ email: 'a@example.com' }] }),
    },
  ],
  removeEnrolment: [
    {
      user: 'eli',
      what: 'one person',
      status: 200,
      request: async (c) => {
        const { id, enrolmentId } = await enrolled(c);
        return { path: `/campaigns/${id}/enrolments/${enrolmentId}` };
      },
    },
    {
      user: 'nia',
      what: "from a teammate's campaign",
      status: 403,
      request: async (c) => {
        const { id, enrolmentId } = await enrolled(c);
        return { path: `/campaigns/${id}/enrolments/${enrolmentId}` };
      },
    },
    { user: 'eli', what: 'nobody by that id', status: 404, request: onCampaign('/enrolments/nope') },
  ],
  getCampaignAnalytics: [
    { user: 'eli', what: 'the counts', status: 200, request: onCampaign('/analytics') },
    { user: 'gus', what: "another team's", status: 404, request: onCampaign('/analytics') },
  ],
  getCampaignForecast: [
    {
      user: 'eli',
      what: 'when it goes',
      status: 200,
      request: async (c) => ({ path: `/campaigns/${(await enrolled(c)).id}/forecast` }),
    },
    { user: 'gus', what: "another team's", status: 404, request: onCampaign('/forecast') },
  ],
  getPersonStatus: [
    { user: 'eli', what: 'a person', status: 200, request: fixed('/people/pat%40example.com') },
    { user: 'eli', what: 'not an address', status: 400, request: fixed('/people/pat') },
  ],
  removePerson: [
    {
      user: 'eli',
      what: 'from every campaign of his',
      status: 200,
      request: fixed('/people/pat%40example.com/remove', {}),
    },
    { user: 'eli', what: 'not an address', status: 400, request: fixed('/people/pat/remove', {}) },
    {
      user: 'nia',
      what: "from a teammate's campaign",
      status: 403,
      request: async (c) => ({
        path: '/people/pat%40example.com/remove',
        body: { campaignId: await campaign(c) },
      }),
    },
    {
      user: 'eli',
      what: 'from no such campaign',
      status: 404,
      request: fixed('/people/pat%40example.com/remove', { campaignId: 'nope' }),
    },
  ],
};
