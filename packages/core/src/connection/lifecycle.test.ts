import { describe, expect, it } from 'vitest';
import { connectionAcceptsSends, connectionCanSend, nextConnectionStatus } from './lifecycle';
import type { TokenErrorBody } from './problems';
import { classifyTokenError } from './problems';
import type { ConnectionChange, ConnectionProblem, ConnectionState } from './types';

const status = (state: ConnectionState) => ({ state, problem: null });

describe('nextConnectionStatus', () => {
  it.each<[ConnectionState, ConnectionChange, ConnectionState, string | null]>([
    [
      'connected',
      { type: 'lost', problem: 'grant-revoked' },
      'needs-reconnect',
      'connection.needs-reconnect',
    ],
    ['needs-reconnect', { type: 'lost', problem: 'password-changed' }, 'needs-reconnect', null],
    ['needs-reconnect', { type: 'connected' }, 'connected', 'connection.reconnected'],
    ['disconnected', { type: 'connected' }, 'connected', 'connection.reconnected'],
    ['connected', { type: 'connected' }, 'connected', null],
    ['disabled', { type: 'connected' }, 'disabled', null],
    ['connected', { type: 'disconnected-by-rep' }, 'disconnected', 'connection.disconnected'],
    ['disabled', { type: 'disconnected-by-rep' }, 'disabled', null],
    ['needs-reconnect', { type: 'disabled-by-admin' }, 'disabled', 'connection.disabled'],
    ['disabled', { type: 'enabled-by-admin' }, 'connected', 'connection.enabled'],
    ['connected', { type: 'enabled-by-admin' }, 'connected', null],
    ['disconnected', { type: 'lost', problem: 'grant-revoked' }, 'disconnected', null],
  ])('%s + %j → %s (%s)', (from, change, to, event) => {
    const next = nextConnectionStatus(status(from), change);
    expect(next.status.state).toBe(to);
    expect(next.changed ? next.event : null).toBe(event);
  });

  it('keeps the problem of a loss and clears it on reconnect', () => {
    const lost = nextConnectionStatus(status('connected'), { type: 'lost', problem: 'consent-revoked' });
    expect(lost.status.problem).toBe('consent-revoked');
    expect(nextConnectionStatus(lost.status, { type: 'connected' }).status.problem).toBeNull();
  });

  it('explains why a disabled mailbox cannot be reconnected by the rep', () => {
    const next = nextConnectionStatus(status('disabled'), { type: 'connected' });
    expect(next.changed).toBe(false);
    expect(next.changed ? null : next.refusal).toMatch(/admin/);
  });

  it.each<[ConnectionState, boolean, boolean]>([
    ['connected', true, true],
    ['needs-reconnect', false, true],
    ['disconnected', false, false],
    ['disabled', false, false],
  ])('%s: sends %s, accepts new sends %s', (state, sends, accepts) => {
    expect(connectionCanSend(state)).toBe(sends);
    expect(connectionAcceptsSends(state)).toBe(accepts);
  });
});

describe('classifyTokenError', () => {
  it.each<[TokenErrorBody, ConnectionProblem | null]>([
    [{ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, 'grant-revoked'],
    [
      {
        error: 'invalid_grant',
        error_description: 'AADSTS50173: The provided grant has expired due to it being revoked.',
        error_codes: [50173],
      },
      'password-changed',
    ],
    [
      {
        error: 'invalid_grant',
        error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
      },
      'grant-expired',
    ],
    [{ error: 'invalid_grant', error_codes: [65001] }, 'consent-revoked'],
    [{ error: 'consent_required' }, 'consent-revoked'],
    [{ error: 'invalid_grant', error_description: 'Bad Request' }, 'grant-revoked'],
    [{ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }, null],
    [{ error: 'temporarily_unavailable' }, null],
  ])('%j → %s', (body, problem) => {
    expect(classifyTokenError(body)).toBe(problem);
  });
});
