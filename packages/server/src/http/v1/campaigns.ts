import { campaignAnalytics } from '../../services/campaignAnalytics';
import { enrol } from '../../services/campaignEnrol';
import { campaignForecast } from '../../services/campaignForecast';
import { listEnrolments, personStatus, removeEnrolment, removePerson } from '../../services/campaignPeople';
import {
  campaignFor,
  changeCampaign,
  createCampaign,
  getCampaign,
  listCampaigns,
  pauseCampaign,
  resumeCampaign,
} from '../../services/campaigns';
import type { V1App } from './app';
import {
  analyticsRoute,
  createRoute_,
  enrolRoute,
  forecastRoute,
  getRoute,
  listEnrolmentsRoute,
  listRoute,
  pauseRoute,
  personRoute,
  removeEnrolmentRoute,
  removePersonRoute,
  resumeRoute,
  updateRoute,
} from './campaignRoutes';
import type { V1Deps } from './deps';

/** `/api/v1/campaigns` and `/api/v1/people`: campaigns, their people, analytics and forecast. */
export function campaignsRoutes(app: V1App, deps: Pick<V1Deps, 'db' | 'clock' | 'hub'>): void {
  const { db } = deps;
  app.openapi(listRoute, async (c) =>
    c.json(await listCampaigns(db, c.get('user'), c.req.valid('query')), 200),
  );
  app.openapi(createRoute_, async (c) =>
    c.json(await createCampaign(deps, c.get('user'), c.req.valid('json')), 201),
  );
  app.openapi(getRoute, async (c) =>
    c.json(await getCampaign(db, c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await changeCampaign(deps, c.get('user'), id, c.req.valid('json')), 200);
  });
  app.openapi(pauseRoute, async (c) =>
    c.json(await pauseCampaign(deps, c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(resumeRoute, async (c) =>
    c.json(await resumeCampaign(deps, c.get('user'), c.req.valid('param').id), 200),
  );
  app.openapi(listEnrolmentsRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await listEnrolments(db, c.get('user'), id, c.req.valid('query')), 200);
  });
  app.openapi(enrolRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await enrol(deps, c.get('user'), id, c.req.valid('json')), 200);
  });
  app.openapi(removeEnrolmentRoute, async (c) => {
    const { id, enrolmentId } = c.req.valid('param');
    return c.json(await removeEnrolment(deps, c.get('user'), id, enrolmentId), 200);
  });
  app.openapi(analyticsRoute, async (c) => {
    const campaign = await campaignFor(db, c.get('user'), c.req.valid('param').id);
    return c.json(await campaignAnalytics(db, campaign), 200);
  });
  app.openapi(forecastRoute, async (c) => {
    const campaign = await campaignFor(db, c.get('user'), c.req.valid('param').id);
    return c.json(await campaignForecast(db, campaign, deps.clock.now()), 200);
  });
  app.openapi(personRoute, async (c) =>
    c.json(await personStatus(db, c.get('user'), c.req.valid('param').email, deps.clock.now()), 200),
  );
  app.openapi(removePersonRoute, async (c) => {
    const { email } = c.req.valid('param');
    return c.json(await removePerson(deps, c.get('user'), email, c.req.valid('json').campaignId), 200);
  });
}
