import { classifyTokenError } from '@sendwell/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../../testing/harness';
import { APP, ENTRA_DESCRIPTION, entraKit, MS_REDIRECT } from './entraTestKit';
import { googleKit } from './googleTestKit';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());
const ms = entraKit(() => h);
const google = googleKit(() => h);
const days = (n: number) => n * 86_400_000;

describe('token lifetimes', () => {
  it('Entra and Google access tokens last an hour: Graph and Gmail refuse them after', async () => {
    const microsoft = await ms.redeem();
    const gmail = await google.redeem({ prompt: 'consent' });
    h.clock.advance(3_600_000);
    expect((await ms.graphMe(microsoft.access_token)).status).toBe(401);
    expect((await google.gmailProfile(gmail.access_token)).status).toBe(401);
  });

  it('an Entra authorization code lives 10 minutes', async () => {
    const { code, verifier } = await ms.codeFor();
    h.clock.advance(9 * 60_000);
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: MS_REDIRECT,
      code_verifier: verifier,
    };
    expect((await ms.token(form)).status).toBe(200);
    const late = await ms.codeFor();
    h.clock.advance(10 * 60_000 + 1);
    const res = await ms.token({ ...form, code: late.code, code_verifier: late.verifier });
    expect((await res.json()).error_codes).toEqual([70008]);
  });

  it('an Entra refresh token unused for 90 days dies with AADSTS700082 (core: grant-expired); use resets the clock', async () => {
    const { refresh_token: kept } = await ms.redeem();
    const { refresh_token: idle } = await ms.redeem();
    h.clock.advance(days(80));
    expect((await ms.token({ grant_type: 'refresh_token', refresh_token: kept })).status).toBe(200);
    h.clock.advance(days(80));
    expect((await ms.token({ grant_type: 'refresh_token', refresh_token: kept })).status).toBe(200);
    const res = await ms.token({ grant_type: 'refresh_token', refresh_token: idle });
    const body = await res.json();
    expect([res.status, body.error, body.error_codes]).toEqual([400, 'invalid_grant', [700082]]);
    expect(body.error_description).toMatch(ENTRA_DESCRIPTION);
    expect(classifyTokenError(body)).toBe('grant-expired');
  });

  it('a Google refresh token unused for six months dies with invalid_grant; use resets the clock', async () => {
    const { refresh_token: kept } = await google.redeem({ prompt: 'consent' }, 'ivy');
    const { refresh_token: idle } = await google.redeem({ prompt: 'consent' }, 'gus');
    h.clock.advance(days(150));
    expect((await google.token({ grant_type: 'refresh_token', refresh_token: kept })).status).toBe(200);
    h.clock.advance(days(150));
    expect((await google.token({ grant_type: 'refresh_token', refresh_token: kept })).status).toBe(200);
    const res = await google.token({ grant_type: 'refresh_token', refresh_token: idle });
    expect([res.status, await res.json()]).toEqual([
      400,
      { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    ]);
  });
});
