import { createRoute, z } from '@hono/zod-openapi';
import {
  campaignAnalyticsSchema,
  campaignForecastSchema,
  campaignPageSchema,
  campaignSchema,
  createCampaignBodySchema,
  enrolAnswerSchema,
  enrolBodySchema,
  enrolmentPageSchema,
  enrolmentSchema,
  listCampaignsQuerySchema,
  listEnrolmentsQuerySchema,
  personStatusSchema,
  removePersonBodySchema,
  updateCampaignBodySchema,
} from '@sendwell/core';
import { errorResponses, failure, json, jsonBody } from './responses';

/** The `/api/v1` campaign operations (described here; `campaigns.ts` registers the handlers). */

const pathParam = (name: string, max = 100) =>
  z
    .string()
    .min(1)
    .max(max)
    .meta({ param: { name, in: 'path' } });
const idParam = z.object({ id: pathParam('id') });
const enrolmentParams = z.object({ id: pathParam('id'), enrolmentId: pathParam('enrolmentId') });
const emailParam = z.object({ email: pathParam('email', 320) });
const tags = ['campaigns'];
const notFound = failure('No such campaign in your team');
const notYours = failure('Not the owner of this campaign, nor a team admin');

export const listRoute = createRoute({
  method: 'get',
  path: '/campaigns',
  tags,
  operationId: 'listCampaigns',
  summary: 'Your campaigns (`scope=team`: every campaign of your team), newest first, with their counts',
  request: { query: listCampaignsQuerySchema },
  responses: {
    200: json(campaignPageSchema, 'A page of campaigns'),
    400: failure('Bad cursor, limit or filter'),
    ...errorResponses,
  },
});

export const createRoute_ = createRoute({
  method: 'post',
  path: '/campaigns',
  tags,
  operationId: 'createCampaign',
  summary: 'Create a campaign (it starts active: enrolled people get its first step when due)',
  request: { body: jsonBody(createCampaignBodySchema) },
  responses: {
    201: json(campaignSchema, 'The new campaign'),
    400: failure('Invalid fields (the message names them)'),
    422: failure('A step uses a template you cannot use'),
    ...errorResponses,
  },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}',
  tags,
  operationId: 'getCampaign',
  summary: 'One campaign of your team',
  request: { params: idParam },
  responses: { 200: json(campaignSchema, 'The campaign'), 404: notFound, ...errorResponses },
});

export const updateRoute = createRoute({
  method: 'patch',
  path: '/campaigns/{id}',
  tags,
  operationId: 'updateCampaign',
  summary:
    'Change name, time zone or steps (owner or team admin). Steps keep their ids: a step already sent to someone is never sent to them again',
  request: { params: idParam, body: jsonBody(updateCampaignBodySchema) },
  responses: {
    200: json(campaignSchema, 'The changed campaign'),
    400: failure('Invalid fields'),
    403: notYours,
    404: notFound,
    422: failure('A step uses a template the owner cannot use'),
    ...errorResponses,
  },
});

export const pauseRoute = createRoute({
  method: 'post',
  path: '/campaigns/{id}/pause',
  tags,
  operationId: 'pauseCampaign',
  summary:
    'Pause: nothing new is queued, and step emails already in the outbox are held until the campaign is resumed',
  request: { params: idParam },
  responses: {
    200: json(campaignSchema, 'The paused campaign'),
    403: notYours,
    404: notFound,
    ...errorResponses,
  },
});

export const resumeRoute = createRoute({
  method: 'post',
  path: '/campaigns/{id}/resume',
  tags,
  operationId: 'resumeCampaign',
  summary:
    'Resume: people continue where they were and held step emails go (paced by the throttle). A circuit-breaker pause is lifted by a team admin only (audited)',
  request: { params: idParam },
  responses: {
    200: json(campaignSchema, 'The active campaign'),
    403: failure('Not yours, or the circuit breaker paused it and you are not a team admin'),
    404: notFound,
    ...errorResponses,
  },
});

export const listEnrolmentsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/enrolments',
  tags,
  operationId: 'listEnrolments',
  summary: 'The people of a campaign, in the order they joined, with where each one stands',
  request: { params: idParam, query: listEnrolmentsQuerySchema },
  responses: {
    200: json(enrolmentPageSchema, 'A page of enrolments'),
    400: failure('Bad cursor, limit or filter'),
    404: notFound,
    ...errorResponses,
  },
});

export const enrolRoute = createRoute({
  method: 'post',
  path: '/campaigns/{id}/enrolments',
  tags,
  operationId: 'enrol',
  summary:
    'Enrol people (owner or team admin). Each row is checked on its own: refused rows (invalid, suppressed, already enrolled, twice in the list) come back with why; the rest are enrolled. `dryRun` checks only',
  request: { params: idParam, body: jsonBody(enrolBodySchema) },
  responses: {
    200: json(enrolAnswerSchema, 'Who was enrolled, and each refused row with why'),
    400: failure('Not a list of people'),
    403: notYours,
    404: notFound,
    ...errorResponses,
  },
});

export const removeEnrolmentRoute = createRoute({
  method: 'delete',
  path: '/campaigns/{id}/enrolments/{enrolmentId}',
  tags,
  operationId: 'removeEnrolment',
  summary: 'Take a person out of the campaign (left: removed); their waiting step emails are cancelled',
  request: { params: enrolmentParams },
  responses: {
    200: json(enrolmentSchema, 'The enrolment, now left'),
    403: notYours,
    404: failure('No such campaign in your team, or no such person in it'),
    ...errorResponses,
  },
});

export const analyticsRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/analytics',
  tags,
  operationId: 'getCampaignAnalytics',
  summary:
    'Enrolled, sent, bounced (hard and soft), replied, unsubscribed and finished: per step and in total',
  request: { params: idParam },
  responses: { 200: json(campaignAnalyticsSchema, 'The counts'), 404: notFound, ...errorResponses },
});

export const forecastRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/forecast',
  tags,
  operationId: 'getCampaignForecast',
  summary: "When each step's pending emails will go out: their due times, planned by the owner's throttle",
  request: { params: idParam },
  responses: {
    200: json(campaignForecastSchema, 'Per step: how many and when'),
    404: notFound,
    ...errorResponses,
  },
});

export const personRoute = createRoute({
  method: 'get',
  path: '/people/{email}',
  tags,
  operationId: 'getPersonStatus',
  summary: "A person's campaigns in your team and whether the team suppresses their address",
  request: { params: emailParam },
  responses: {
    200: json(personStatusSchema, 'The person'),
    400: failure('Not an email address'),
    ...errorResponses,
  },
});

export const removePersonRoute = createRoute({
  method: 'post',
  path: '/people/{email}/remove',
  tags,
  operationId: 'removePerson',
  summary:
    'Take a person out of one campaign (`campaignId`), or out of every active campaign you may change (yours; every one for a team admin)',
  request: { params: emailParam, body: jsonBody(removePersonBodySchema) },
  responses: {
    200: json(personStatusSchema, 'The person, after'),
    400: failure('Not an email address'),
    403: notYours,
    404: notFound,
    ...errorResponses,
  },
});
