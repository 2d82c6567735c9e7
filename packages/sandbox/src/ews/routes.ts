import type { Clock } from '@sendwell/core';
import { type Context, Hono } from 'hono';
import { envelope, fault } from './answers';
import { OPERATIONS } from './operations';
import { authenticate, type EwsOrg, type EwsUser } from './orgs';
import { REQUEST_VERSIONS, schemaViolation } from './schema';
import { attr, child, parseSoap, type XmlNode } from './soap';
import type { EwsStore } from './store';

const SOAP_TYPE = 'text/xml; charset=utf-8';
/** IIS's own page for a refused request (EWS never sees it). */
const IIS_401 =
  '<!DOCTYPE html><html><head><title>401 - Unauthorized: Access is denied due to invalid credentials.</title></head><body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2><h3>You do not have permission to view this directory or page using the credentials that you supplied.</h3></body></html>';

function withOrgHeaders(c: Context, org: EwsOrg): void {
  for (const [name, value] of Object.entries(org.headers)) c.header(name, value);
  c.header('request-id', crypto.randomUUID());
}

/** 401 with one WWW-Authenticate per scheme the virtual directory has enabled. */
function challenge(c: Context, org: EwsOrg): Response {
  withOrgHeaders(c, org);
  for (const value of org.challenges) c.header('WWW-Authenticate', value, { append: true });
  return c.html(IIS_401, 401);
}

/** The Basic user, or null; Negotiate/NTLM/Bearer are offered but never completed by the sandbox. */
function basicUser(org: EwsOrg, authorization: string | undefined): EwsUser | null {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match || !org.acceptsBasic) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return authenticate(org, decoded.slice(0, colon), decoded.slice(colon + 1)) ?? null;
}

const soap = (c: Context, body: string, status: 200 | 500) => {
  c.header('content-type', SOAP_TYPE);
  return c.body(body, status);
};

/**
 * The work is done, then the server dies mid-answer: headers and part of the envelope go out, then
 * the connection breaks. Through any HTTP stack (socket or in-process) the client's read fails.
 */
function dieMidAnswer(c: Context): Response {
  const partial =
    '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">';
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(partial));
      controller.error(new Error('connection reset by the sandbox EWS (crash after accept)'));
    },
  });
  c.header('content-type', SOAP_TYPE);
  return c.body(body, 200);
}

function operationOf(body: XmlNode): [string, XmlNode] | null {
  const names = Object.keys(body).filter((k) => !k.startsWith('@_'));
  if (names.length !== 1) return null;
  const op = body[names[0]!];
  return [names[0]!, op && typeof op === 'object' ? (op as XmlNode) : {}];
}

/** The request's SOAP header and body, or the fault Exchange answers to a request it cannot take. */
function readRequest(text: string): { header: XmlNode; body: XmlNode } | string {
  const parsed = parseSoap(text);
  if (!parsed.ok) {
    const where = {
      LineNumber: String(parsed.line),
      LinePosition: String(parsed.column),
      Violation: parsed.detail,
    };
    return fault('ErrorSchemaValidation', where);
  }
  const violation = schemaViolation(text);
  if (violation) return fault('ErrorSchemaValidation', { Violation: violation });
  const version = attr(child(parsed.header, 'RequestServerVersion'), 'Version');
  if (version !== undefined && !REQUEST_VERSIONS.has(version)) return fault('ErrorInvalidServerVersion');
  return parsed;
}

/** Who called which operation: the sandbox's call log reads it from the context (`ewsCall`). */
export interface EwsCall {
  address: string;
  operation: string;
  disposition: string | null;
}

/** `POST /{org}/EWS/Exchange.asmx`: Basic auth, throttling, then CreateItem, FindItem or GetFolder. */
export function ewsRoutes(store: EwsStore, clock: Clock): Hono<{ Variables: { ewsCall: EwsCall } }> {
  const app = new Hono<{ Variables: { ewsCall: EwsCall } }>();
  app.all('/:org/EWS/Exchange.asmx', async (c) => {
    const org = store.org(c.req.param('org'));
    if (!org) return c.text('Not Found', 404);
    const user = basicUser(org, c.req.header('authorization'));
    if (!user) return challenge(c, org);
    withOrgHeaders(c, org);
    if (c.req.method !== 'POST') return c.html('<html><body>You have created a service.</body></html>');
    const backOff = store.takeBusy(org.id);
    if (backOff !== null)
      return soap(c, fault('ErrorServerBusy', { BackOffMilliseconds: String(backOff) }), 500);
    const parsed = readRequest(await c.req.text());
    if (typeof parsed === 'string') return soap(c, parsed, 500);
    const request = operationOf(parsed.body);
    // Read by the sandbox's call log (`calls/log.ts`) once the answer is out.
    c.set('ewsCall', {
      address: user.address,
      operation: request?.[0] ?? 'Unknown',
      disposition: request ? (attr(request[1], 'MessageDisposition') ?? null) : null,
    });
    const handler = request && OPERATIONS[request[0]];
    if (!request || !handler) return soap(c, fault('ErrorInvalidRequest'), 500);
    const outcome = handler({ org, user, store, now: clock.now() }, request[1]);
    if (outcome.kind === 'fault') return soap(c, fault(outcome.code, outcome.messageXml), 500);
    if (outcome.accepted && request[0] === 'CreateItem' && store.takeCrash(org.id)) return dieMidAnswer(c);
    return soap(c, envelope(org.version, outcome.body), 200);
  });
  return app;
}
