import type { PersonStatus } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonLookup } from './PersonLookup';
import { enrolmentFixture, renderWithApi, voiceForTests } from './testing';

afterEach(cleanup);

const EMAIL = 'nobody@bounce.test';
const bounced = enrolmentFixture(EMAIL, {
  status: 'left',
  leftReason: 'bounced',
  nextStep: null,
  nextAt: null,
});
const other = enrolmentFixture(EMAIL, { id: 'enr-2', campaignId: 'cmp-2', campaignName: 'Autumn' });
const suppression = {
  reason: 'hard-bounce',
  message: `${EMAIL} is suppressed for your team: an email to it bounced hard.`,
  since: '2026-12-04T09:00:00.000Z',
  until: null,
};

async function lookUp(typed: string) {
  fireEvent.change(await screen.findByTestId('web-person-email'), { target: { value: typed } });
  fireEvent.click(screen.getByTestId('web-person-lookup'));
}

describe('PersonLookup', () => {
  it('shows each campaign’s status in core’s words and the suppression the server explains', async () => {
    const status: PersonStatus = { email: EMAIL, enrolments: [bounced, other], suppression };
    const { sent } = renderWithApi(<PersonLookup />, {
      [`GET /people/${EMAIL}`]: { status: 200, body: status },
    });
    await lookUp('  Nobody@Bounce.test ');
    await screen.findByTestId('web-person-status');
    expect(screen.getAllByTestId('enrolment-status').map((e) => e.textContent)).toEqual([
      'left: bounced',
      voiceForTests.enrolmentStatus(other),
    ]);
    expect(screen.getByTestId('web-person-suppressed').textContent).toBe(suppression.message);
    expect(sent.map((s) => s.path)).toEqual([`/people/${EMAIL}`]);
  });

  it('Remove takes the person out of every campaign they are still in, then reads again', async () => {
    let removed = false;
    const { sent } = renderWithApi(<PersonLookup />, {
      [`GET /people/${EMAIL}`]: () => ({
        status: 200,
        body: {
          email: EMAIL,
          enrolments: [removed ? { ...other, status: 'left', leftReason: 'removed', nextStep: null } : other],
          suppression: null,
        },
      }),
      [`POST /people/${EMAIL}/remove`]: () => {
        removed = true;
        return { status: 200, body: { email: EMAIL, enrolments: [], suppression: null } };
      },
    });
    await lookUp(EMAIL);
    fireEvent.click(await screen.findByTestId('web-person-remove'));
    await waitFor(() => expect(screen.getByTestId('enrolment-status').textContent).toBe('left: removed'));
    expect(sent.find((s) => s.method === 'POST')?.body).toEqual({});
    expect(screen.queryByTestId('web-person-remove')).toBeNull();
  });
});
