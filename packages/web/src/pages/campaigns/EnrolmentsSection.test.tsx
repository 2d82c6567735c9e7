import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EnrolmentsSection } from './EnrolmentsSection';
import { campaignFixture, enrolmentFixture, renderWithApi, voiceForTests } from './testing';

afterEach(cleanup);

const bounced = enrolmentFixture('nobody@bounce.test', {
  status: 'left',
  leftReason: 'bounced',
  nextStep: null,
  nextAt: null,
});
const active = enrolmentFixture('ana@example.com');
const finished = enrolmentFixture('bo@example.com', { status: 'finished', nextStep: null, nextAt: null });

describe('EnrolmentsSection', () => {
  it('words each person’s status with core’s voice: "left: bounced", "finished", "active · step 2 of 2 · …"', async () => {
    renderWithApi(<EnrolmentsSection campaign={campaignFixture()} canChange />, {
      'GET /campaigns/cmp-1/enrolments': {
        status: 200,
        body: { items: [active, bounced, finished], nextCursor: null },
      },
    });
    const statusOf = async (email: string) =>
      within(await screen.findByTestId(`web-enrolment-${email}`)).getByTestId('enrolment-status').textContent;
    expect(await statusOf('nobody@bounce.test')).toBe('left: bounced');
    expect(await statusOf('bo@example.com')).toBe(voiceForTests.enrolmentStatus(finished));
    expect(await statusOf('ana@example.com')).toBe(
      voiceForTests.enrolmentStatus({ ...active, totalSteps: 2 }),
    );
    expect(await statusOf('ana@example.com')).toContain('step 2 of 2');
    // Only people still in the campaign can be removed.
    expect(screen.getAllByTestId('web-enrolment-remove')).toHaveLength(1);
  });

  it('Remove asks first, then deletes that enrolment and reads the list again', async () => {
    let reads = 0;
    const { sent } = renderWithApi(<EnrolmentsSection campaign={campaignFixture()} canChange />, {
      'GET /campaigns/cmp-1/enrolments': () => {
        reads += 1;
        const item =
          reads === 1 ? active : { ...active, status: 'left', leftReason: 'removed', nextStep: null };
        return { status: 200, body: { items: [item], nextCursor: null } };
      },
      'DELETE /campaigns/cmp-1/enrolments/enr-ana@example.com': { status: 204 },
    });
    fireEvent.click(await screen.findByTestId('web-enrolment-remove'));
    expect(sent.some((s) => s.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('web-enrolment-remove-confirm'));
    await waitFor(() => expect(screen.getByTestId('enrolment-status').textContent).toBe('left: removed'));
    expect(sent.filter((s) => s.method === 'DELETE')).toHaveLength(1);
  });

  it('the status filter goes to the server; a teammate who may not change it gets no Remove', async () => {
    const { sent } = renderWithApi(<EnrolmentsSection campaign={campaignFixture()} canChange={false} />, {
      'GET /campaigns/cmp-1/enrolments': { status: 200, body: { items: [active], nextCursor: null } },
    });
    await screen.findByTestId('web-enrolment-ana@example.com');
    expect(screen.queryByTestId('web-enrolment-remove')).toBeNull();
    expect(sent[0]!.query).toEqual({ limit: '25' });
  });
});
