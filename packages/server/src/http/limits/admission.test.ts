import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type Admission, AdmissionGate, admission } from './admission';
import { admissionFor, readLimits } from './settings';

/** Timers that fire only when the test says so. */
class FakeTimers {
  private next = 1;
  private readonly pending = new Map<number, () => void>();
  setTimeout = ((fn: () => void) => {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }) as unknown as typeof globalThis.setTimeout;
  clearTimeout = ((id: number) => {
    this.pending.delete(id);
  }) as unknown as typeof globalThis.clearTimeout;
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

const settings = (over: Partial<Admission> = {}): Admission => ({
  maxInFlight: 2,
  maxWaiting: 3,
  maxWaitMs: 1_000,
  ...over,
});

/** Records the order in which `enter` calls settle. */
function entering(gate: AdmissionGate, names: string[], log: string[]) {
  return names.map((name) =>
    gate.enter().then((turn) => {
      log.push(turn.ok ? name : `${name}:${turn.refusal}`);
      return turn;
    }),
  );
}

describe('AdmissionGate', () => {
  it('lets maxInFlight in at once and the rest in arrival order as each leaves', async () => {
    const gate = new AdmissionGate(settings(), new FakeTimers());
    const log: string[] = [];
    entering(gate, ['a', 'b', 'c', 'd'], log);
    await Promise.resolve();
    expect(log).toEqual(['a', 'b']);
    expect(gate.load()).toEqual({ inFlight: 2, waiting: 2 });
    gate.leave();
    await Promise.resolve();
    expect(log).toEqual(['a', 'b', 'c']);
    gate.leave();
    gate.leave();
    await Promise.resolve();
    expect(log).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('refuses at once when the line is full, without disturbing those in it', async () => {
    const gate = new AdmissionGate(settings({ maxInFlight: 1, maxWaiting: 1 }), new FakeTimers());
    const log: string[] = [];
    entering(gate, ['a', 'b', 'c'], log);
    await Promise.resolve();
    expect(log).toEqual(['a', 'c:line-full']);
    gate.leave();
    await Promise.resolve();
    expect(log).toEqual(['a', 'c:line-full', 'b']);
  });

  it('refuses a request that waited its longest and takes it out of the line', async () => {
    const timers = new FakeTimers();
    const gate = new AdmissionGate(settings({ maxInFlight: 1 }), timers);
    const log: string[] = [];
    entering(gate, ['a', 'b'], log);
    await Promise.resolve();
    timers.fireAll();
    await Promise.resolve();
    expect(log).toEqual(['a', 'b:waited-too-long']);
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
    entering(gate, ['c'], log);
    gate.leave();
    await Promise.resolve();
    expect(log.at(-1)).toBe('c');
  });
});

describe('admission middleware', () => {
  /** An app whose routes wait until the test releases them. */
  function heldApp(s: Admission) {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const gate = new AdmissionGate(s);
    const app = new Hono();
    app.use('*', admission(gate, s));
    app.all('*', async (c) => {
      await held;
      return c.text('answered');
    });
    return { app, gate, release };
  }

  it('answers 429 server-busy with Retry-After once the line is full, and lets the next one in after', async () => {
    const { app, gate, release } = heldApp(settings({ maxInFlight: 1, maxWaiting: 0 }));
    const first = app.request('/api/v1/quota');
    const refused = await app.request('/api/v1/quota');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await refused.json();
    expect(body.error.code).toBe('server-busy');
    expect(body.error.message).toMatch(/Retry-After/);
    release();
    expect((await first).status).toBe(200);
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
    expect((await app.request('/api/v1/quota')).status).toBe(200);
  });

  it.each(['/healthz', '/readyz', '/sandbox/graph/v1.0/me', '/api/v1/feed/stream', '/outlook/taskpane.html'])(
    'never makes %s wait or refuses it',
    async (path) => {
      const { app, release } = heldApp(settings({ maxInFlight: 1, maxWaiting: 0 }));
      const first = app.request('/api/v1/quota');
      const exempt = app.request(path);
      release();
      expect((await exempt).status).toBe(200);
      expect((await first).status).toBe(200);
    },
  );

  it('frees the turn when the route throws', async () => {
    const s = settings({ maxInFlight: 1, maxWaiting: 0 });
    const gate = new AdmissionGate(s);
    const app = new Hono();
    app.onError((_error, c) => c.text('failed', 500));
    app.use('*', admission(gate, s));
    app.get('*', () => {
      throw new Error('boom');
    });
    expect((await app.request('/api/v1/me')).status).toBe(500);
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
  });
});

describe('admission settings', () => {
  it('picks a turn count per store unless one is set, and never waits past the request timeout', () => {
    const defaults = readLimits({});
    expect(admissionFor(defaults, 'pglite').maxInFlight).toBeLessThan(
      admissionFor(defaults, 'postgres').maxInFlight,
    );
    const set = readLimits({
      SENDWELL_MAX_IN_FLIGHT: '3',
      SENDWELL_MAX_WAIT_MS: '90000',
      SENDWELL_REQUEST_TIMEOUT_MS: '30000',
    });
    expect(admissionFor(set, 'pglite')).toMatchObject({ maxInFlight: 3, maxWaitMs: 30_000 });
    expect(() => readLimits({ SENDWELL_MAX_IN_FLIGHT: '-1' })).toThrow('SENDWELL_MAX_IN_FLIGHT');
  });
});
