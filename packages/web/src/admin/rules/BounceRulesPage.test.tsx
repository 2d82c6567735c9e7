import { type BounceRules, DEFAULT_BOUNCE_RULES } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAdmin } from '../testing';
import { BounceRulesPage } from './BounceRulesPage';

afterEach(cleanup);

describe('the bounce rules page', () => {
  const render = () => {
    let saved: BounceRules = { ...DEFAULT_BOUNCE_RULES };
    return renderAdmin(<BounceRulesPage />, {
      'GET /settings/bounce-rules': () => ({ status: 200, body: saved }),
      'PUT /settings/bounce-rules': (body) => {
        saved = body as BounceRules;
        return { status: 200, body: saved };
      },
    });
  };

  it('shows the team’s rules (the rate in per cent) and saves a change with every rule', async () => {
    const { sent } = render();
    const rate = await screen.findByTestId('web-admin-rules-breakerRate');
    expect((rate as HTMLInputElement).value).toBe(String(DEFAULT_BOUNCE_RULES.breakerRate * 100));
    fireEvent.change(screen.getByTestId('web-admin-rules-softBounceLimit'), { target: { value: '5' } });
    fireEvent.change(rate, { target: { value: '12.5' } });
    fireEvent.click(screen.getByTestId('web-admin-rules-trackClicks'));
    fireEvent.click(screen.getByTestId('web-admin-rules-save'));
    await screen.findByTestId('web-admin-rules-saved');
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({
      ...DEFAULT_BOUNCE_RULES,
      softBounceLimit: 5,
      breakerRate: 0.125,
      trackClicks: true,
    });
  });

  it.each([
    ['softBounceLimit', '0'],
    ['softBounceDays', ''],
    ['breakerWindow', '2'],
    ['breakerRate', '150'],
  ])('refuses %s = %j before sending anything', async (field, value) => {
    const { sent } = render();
    fireEvent.change(await screen.findByTestId(`web-admin-rules-${field}`), { target: { value } });
    fireEvent.click(screen.getByTestId('web-admin-rules-save'));
    await waitFor(() =>
      expect(screen.getByTestId(`web-admin-rules-${field}`).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(sent.some((r) => r.method === 'PUT')).toBe(false);
  });
});
