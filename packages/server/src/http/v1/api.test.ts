import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personalise, silentLogger } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { createSendwell, type Sendwell } from '../../sendwell';

// The API as a client sees it, through the app's fetch (no worker runs: nothing here needs a provider).
describe('the HTTP API (/api/v1)', () => {
  let sendwell: Sendwell;
  const dataDir = mkdtempSync(join(tmpdir(), 'sendwell-api-'));

  beforeAll(async () => {
    sendwell = await createSendwell(loadConfig({ port: 0, dataDir }, {}), { logger: silentLogger });
  });
  afterAll(async () => {
    await sendwell.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
    sendwell.app.request(`/api/v1${path}`, {
      method: init.method ?? 'GET',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const draft = (key: string, extra: Record<string, unknown> = {}) => ({
    host: 'outlook',
    to: ['pat@example.com'],
    subject: 'Hi',
    body: '<p>Hi</p>',
    idempotencyKey: key,
    ...extra,
  });

  describe('the OpenAPI document is the index of the routes', () => {
    it('documents every route the app serves under /api/v1, and no other', async () => {
      const served = sendwell.app.routes
        .filter(
          (r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json',
        )
        .map((r) => `${r.method} ${r.path}`);
      const doc = await (await api('/openapi.json', null)).json();
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, item]) =>
          Object.keys(item).map(
            (method) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
      );
      expect([...new Set(served)].sort()).toEqual([...documented].sort());
    });

    it('no longer serves the unversioned /api routes', async () => {
      for (const path of ['/api', '/api/me', '/api/templates', '/api/auth-config'])
        expect((await sendwell.app.request(path)).status).toBe(404);
    });
  });

  describe('POST /api/v1/sends answers { send, sends, duplicate }', () => {
    it('202 with each accepted send, then 200 and duplicate: true for the same draft, nothing new', async () => {
      const token = sendwell.apiTokenFor('ava');
      const first = await api('/sends', token, { method: 'POST', body: draft('answer-shape-1') });
      expect(first.status).toBe(202);
      const answer = await first.json();
      expect(answer.duplicate).toBe(false);
      expect(answer.sends).toHaveLength(1);
      expect(answer.send).toEqual(answer.sends[0]);
      expect(Object.keys(answer.send).sort()).toEqual([
        'channel',
        'explanation',
        'id',
        'mailboxId',
        'sendAt',
        'status',
        'to',
      ]);
      expect(answer.send).toMatchObject({
        status: 'scheduled',
        mailboxId: 'mbx-ava',
        channel: { kind: 'exchange' },
        to: ['pat@example.com'],
      });

      const again = await api('/sends', token, { method: 'POST', body: draft('answer-shape-1') });
      expect(again.status).toBe(200);
      const second = await again.json();
      expect(second.duplicate).toBe(true);
      expect(second.sends.map((s: { id: string }) => s.id)).toEqual([answer.send.id]);
    });

    it('"one email each" answers one accepted send per recipient', async () => {
      const body = draft('answer-each-1', {
        to: ['ada@example.com', 'bob@example.com'],
        subject: 'For {{recipient.firstName|you}}',
        personalise: 'each',
      });
      const response = await api('/sends', sendwell.apiTokenFor('ava'), { method: 'POST', body });
      expect(response.status).toBe(202);
      const answer = await response.json();
      expect(answer.sends.map((s: { to: string[] }) => s.to)).toEqual([
        ['ada@example.com'],
        ['bob@example.com'],
      ]);
    });

    it('refuses a draft with an unfilled tag with 422 and core’s code and message', async () => {
      const body = draft('answer-unfilled-1', { body: '<p>Hi {{recipient.firstName}}</p>' });
      const core = personalise(
        {
          to: [{ email: 'pat@example.com' }],
          cc: [],
          bcc: [],
          subject: 'Hi',
          body: body.body,
          format: 'html',
        },
        'one',
      );
      const response = await api('/sends', sendwell.apiTokenFor('ava'), { method: 'POST', body });
      expect(response.status).toBe(422);
      expect(core.outcome).toBe('refused');
      if (core.outcome === 'refused')
        expect((await response.json()).error).toEqual({ code: core.code, message: core.message });
    });
  });

  describe('errors a person understands (7)', () => {
    it.each([
      ['no subject', draft('human-1', { subject: undefined })],
      ['an unknown host', draft('human-2', { host: 'fax' })],
      ['a number for a subject', draft('human-3', { subject: 42 })],
      ['a short draft key', draft('x')],
      ['no recipients', draft('human-5', { to: [] })],
      ['a Cc that is not an address', draft('human-6', { cc: ['bob at example'] })],
    ])('%s: a sentence, no JSON paths or zod wording', async (_label, body) => {
      const response = await api('/sends', sendwell.apiTokenFor('ava'), { method: 'POST', body });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('invalid-request');
      expect(error.message).toMatch(/^[A-Z"].+\.$/);
      expect(error.message).not.toMatch(/\b(to|cc|bcc)\.\d|Invalid input|expected string|>=|<=/);
    });

    it('answers malformed JSON with 400 invalid-json, not a crash', async () => {
      const response = await sendwell.app.request('/api/v1/templates', {
        method: 'POST',
        body: '{"name": ',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${sendwell.apiTokenFor('eli')}`,
        },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: 'invalid-json',
        message: expect.stringMatching(/JSON/),
      });
    });

    it('says what to do when no token is sent', async () => {
      const { error } = await (await api('/me', null)).json();
      expect(error.message).toMatch(/Sign in/);
    });
  });
});
