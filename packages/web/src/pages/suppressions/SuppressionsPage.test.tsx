import type { Suppression } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, renderWithApi, voiceForTests } from '../campaigns/testing';
import { SuppressionsView } from './SuppressionsPage';

afterEach(cleanup);

const suppression = (patch: Partial<Suppression> = {}): Suppression => ({
  id: '7',
  email: 'bo@bounce.test',
  reason: 'hard-bounce',
  message: 'server words (not shown: the page uses core’s voice)',
  detail: { sendId: 's1', status: '5.1.1', reason: 'userunknown' },
  since: '2026-12-04T09:00:00.000Z',
  until: null,
  liftedAt: null,
  ...patch,
});
const page = (items: Suppression[]) => ({ status: 200, body: { items, nextCursor: null } });

describe('the suppressions page', () => {
  it('a rep sees why each address is suppressed, in core’s words, and cannot lift or add', async () => {
    const s = suppression();
    const { sent } = renderWithApi(<SuppressionsView email={undefined} onSearch={() => {}} />, {
      'GET /suppressions': page([s]),
    });
    const row = await screen.findByTestId('web-suppression-row');
    expect(within(row).getByTestId('web-suppression-why').textContent).toBe(voiceForTests.whySuppressed(s));
    expect(within(row).getByText(voiceForTests.suppressionReason('hard-bounce'))).toBeTruthy();
    expect(sent[0]!.query).toEqual({ state: 'live', limit: '25' });
    expect(screen.queryByTestId('web-suppression-lift')).toBeNull();
    expect(screen.queryByTestId('web-suppression-add')).toBeNull();
  });

  it('a searched address shows its history, or says in core’s words that it is not suppressed', async () => {
    const onSearch = vi.fn();
    const { sent } = renderWithApi(<SuppressionsView email="ok@x.test" onSearch={onSearch} />, {
      'GET /suppressions': page([]),
    });
    expect((await screen.findByTestId('web-suppressions-empty')).textContent).toBe(
      voiceForTests.t('suppression.none', { email: 'ok@x.test' }),
    );
    expect(sent[0]!.query).toEqual({ email: 'ok@x.test', state: 'all', limit: '25' });
    fireEvent.change(screen.getByTestId('web-suppressions-search'), { target: { value: ' Ada@X.test ' } });
    fireEvent.click(screen.getByTestId('web-suppressions-search-submit'));
    expect(onSearch).toHaveBeenCalledWith('ada@x.test');
  });

  it('an admin lifts a live suppression only after the question, then the list is asked again', async () => {
    let lifted = false;
    const { sent } = renderWithApi(
      <SuppressionsView email={undefined} onSearch={() => {}} />,
      {
        'GET /suppressions': () => page(lifted ? [] : [suppression()]),
        'POST /suppressions/7/lift': () => {
          lifted = true;
          return { status: 200, body: suppression({ liftedAt: '2026-12-04T10:00:00.000Z' }) };
        },
      },
      ADMIN,
    );
    fireEvent.click(await screen.findByTestId('web-suppression-lift'));
    expect(screen.getByTestId('web-suppression-lift-question').textContent).toContain(
      voiceForTests.t('suppression.liftConfirm', { email: 'bo@bounce.test' }),
    );
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByTestId('web-suppression-lift-confirm'));
    await screen.findByTestId('web-suppressions-empty');
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/suppressions/7/lift']);
  });

  it('an ended suppression has no Lift button', async () => {
    renderWithApi(
      <SuppressionsView email="bo@bounce.test" onSearch={() => {}} />,
      { 'GET /suppressions': page([suppression({ liftedAt: '2026-12-04T09:30:00.000Z' })]) },
      ADMIN,
    );
    const row = await screen.findByTestId('web-suppression-row');
    expect(row.getAttribute('data-state')).toBe('ended');
    expect(within(row).queryByTestId('web-suppression-lift')).toBeNull();
  });

  it('an admin adds an address: core’s schema refuses a bad one before sending; a good one is posted', async () => {
    const added = suppression({
      id: '8',
      email: 'stop@x.test',
      reason: 'manual',
      detail: { note: 'by phone' },
    });
    const { sent } = renderWithApi(
      <SuppressionsView email={undefined} onSearch={() => {}} />,
      { 'GET /suppressions': page([]), 'POST /suppressions': { status: 201, body: added } },
      ADMIN,
    );
    fireEvent.change(await screen.findByTestId('web-suppression-add-email'), {
      target: { value: 'not mail' },
    });
    fireEvent.click(screen.getByTestId('web-suppression-add-submit'));
    await screen.findByText(/is not a valid email address/);
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('web-suppression-add-email'), { target: { value: 'Stop@X.test' } });
    fireEvent.change(screen.getByTestId('web-suppression-add-note'), { target: { value: 'by phone' } });
    fireEvent.click(screen.getByTestId('web-suppression-add-submit'));
    expect((await screen.findByTestId('web-suppression-added')).textContent).toBe(
      voiceForTests.whySuppressed(added),
    );
    await waitFor(() =>
      expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
        { email: 'stop@x.test', note: 'by phone' },
      ]),
    );
  });
});
