import {
  batchInfo,
  batchSettingSchema,
  getProfile,
  type ProfileThrottle,
  throttleUpdateSchema,
} from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAdmin } from '../testing';
import { ThrottlePage } from './ThrottlePage';

afterEach(cleanup);

/** A profile as the API answers it, the clamp worded by core's own batchInfo. */
function exchangeOnline(batch: { size: number; everySeconds: number } | null): ProfileThrottle {
  const profile = getProfile('exchange-online');
  const applied = batch ? batchInfo(profile, batch) : null;
  return {
    profileId: 'exchange-online',
    providerName: profile.name,
    windows: profile.windows.map(({ id, label, metric, windowMs, ceiling, target }) => ({
      id,
      label,
      metric,
      windowMs,
      ceiling,
      target,
    })),
    batch,
    teamBatch: null,
    applied,
    explanation: applied ? applied.explanation : 'No batch setting.',
    forecast: {
      perDay: 9_000,
      perHour: 1_200,
      limitedBy: 'batch',
      explanation: 'One mailbox sends up to 9,000.',
    },
  };
}

describe('ThrottlePage', () => {
  it('saves "25 every 45" for the profile and shows the clamp the API explains', async () => {
    let saved: ProfileThrottle = exchangeOnline(null);
    const { sent } = renderAdmin(<ThrottlePage />, {
      'GET /settings/throttle': () => ({ status: 200, body: { profiles: [saved] } }),
      'PUT /settings/throttle': (body) => {
        const update = throttleUpdateSchema.parse(body);
        saved = exchangeOnline(update.batch);
        return { status: 200, body: { profiles: [saved] } };
      },
    });
    fireEvent.change(await screen.findByTestId('web-admin-throttle-exchange-online-size'), {
      target: { value: '25' },
    });
    fireEvent.change(screen.getByTestId('web-admin-throttle-exchange-online-every'), {
      target: { value: '45' },
    });
    fireEvent.click(screen.getByTestId('web-admin-throttle-exchange-online-save'));
    const clamp = batchInfo(getProfile('exchange-online'), { size: 25, everySeconds: 45 });
    expect(clamp.clamped).toBe(true);
    await waitFor(() =>
      expect(screen.getByTestId('web-admin-throttle-exchange-online-explanation').textContent).toContain(
        clamp.explanation,
      ),
    );
    expect(sent.find((s) => s.method === 'PUT')?.body).toEqual({
      profileId: 'exchange-online',
      batch: { size: 25, everySeconds: 45 },
    });
    expect(screen.getByTestId('web-admin-throttle-exchange-online-forecast').textContent).toContain('9,000');
  });

  it('refuses a batch of 0 with core’s words and sends nothing', async () => {
    const { sent } = renderAdmin(<ThrottlePage />, {
      'GET /settings/throttle': { status: 200, body: { profiles: [exchangeOnline(null)] } },
    });
    fireEvent.change(await screen.findByTestId('web-admin-throttle-exchange-online-size'), {
      target: { value: '0' },
    });
    fireEvent.change(screen.getByTestId('web-admin-throttle-exchange-online-every'), {
      target: { value: '45' },
    });
    fireEvent.click(screen.getByTestId('web-admin-throttle-exchange-online-save'));
    const words =
      batchSettingSchema.safeParse({ size: 0, everySeconds: 45 }).error?.issues[0]?.message ?? 'never';
    await screen.findByText(words);
    expect(sent.filter((s) => s.method === 'PUT')).toEqual([]);
  });
});
