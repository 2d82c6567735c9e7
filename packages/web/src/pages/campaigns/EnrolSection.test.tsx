import { type EnrolAnswer, parseEnrolmentCsv } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EnrolSection } from './EnrolSection';
import { campaignFixture, renderWithApi, voiceForTests } from './testing';

afterEach(cleanup);

// Data rows 1..4 as people read them: good, a bad address, a suppressed one, a good one.
const CSV = [
  'Email,First name,Company',
  'ana@example.com,Ana,Contoso',
  'not-an-address,Bad,X',
  'nobody@bounce.test,Nobody,',
  'bo@example.com,Bo,Fabrikam',
].join('\n');
const parsed = parseEnrolmentCsv(CSV);
const suppressed = {
  row: 1,
  email: 'nobody@bounce.test',
  code: 'suppressed',
  message: 'nobody@bounce.test is suppressed',
} as const;

/** The server's answer for `people`: the bounce address refused (its position in people is 1). */
const answer =
  (dryRun: boolean) =>
  (body: unknown): { status: number; body: EnrolAnswer } => {
    const people = (body as { people: unknown[] }).people;
    return {
      status: 200,
      body: {
        enrolled: people.length - 1,
        enrolmentIds: dryRun ? [] : ['enr-ana', 'enr-bo'],
        errors: [suppressed],
        dryRun,
      },
    };
  };

const outcomeOf = (row: number) =>
  within(screen.getByTestId(`csv-preview-row-${row}`)).getByTestId('csv-preview-outcome');

describe('EnrolSection', () => {
  it('previews the CSV (core’s parser), checks with a dry run, then enrols and shows each row’s outcome', async () => {
    const calls: { dryRun: boolean; people: unknown[]; source: string }[] = [];
    const { sent } = renderWithApi(<EnrolSection campaign={campaignFixture()} />, {
      'POST /campaigns/cmp-1/enrolments': (body) => {
        const request = body as (typeof calls)[number];
        calls.push(request);
        return answer(request.dryRun)(body);
      },
    });
    fireEvent.change(await screen.findByTestId('web-enrol-csv'), { target: { value: CSV } });
    fireEvent.click(screen.getByTestId('web-enrol-preview'));
    await screen.findByTestId('csv-preview');
    await waitFor(() => expect(outcomeOf(3).getAttribute('data-code')).toBe('suppressed'));
    expect(outcomeOf(2).getAttribute('data-code')).toBe('invalid');
    expect(outcomeOf(2).textContent).toContain(voiceForTests.enrolRowError(parsed.errors[0]!));
    expect(outcomeOf(3).textContent).toContain(voiceForTests.enrolRowError({ ...suppressed, row: 2 }));
    expect(outcomeOf(1).textContent).toContain('Will be enrolled');
    expect(calls).toEqual([{ people: parsed.people, source: 'csv', dryRun: true }]);

    fireEvent.click(screen.getByTestId('web-enrol-confirm'));
    const result = await screen.findByTestId('web-enrol-result');
    expect(result.textContent).toBe(
      voiceForTests.enrolAnswer({ enrolled: 2, dryRun: false, errors: [parsed.errors[0]!, suppressed] }),
    );
    expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
    expect(outcomeOf(1).textContent).toContain('Enrolled');
    expect(outcomeOf(4).textContent).toContain('Enrolled');
    expect(outcomeOf(3).getAttribute('data-code')).toBe('suppressed');
    expect(sent.every((s) => s.path === '/campaigns/cmp-1/enrolments')).toBe(true);
  });

  it.each([
    ['no email column', 'name,company\nAna,Contoso', { code: 'no-email-column' }],
    ['no rows', 'email', { code: 'empty' }],
  ] as const)(
    'a file with %s is refused whole in core’s words; nothing goes to the server',
    async (_c, csv, problem) => {
      const { sent } = renderWithApi(<EnrolSection campaign={campaignFixture()} />, {});
      fireEvent.change(await screen.findByTestId('web-enrol-csv'), { target: { value: csv } });
      fireEvent.click(screen.getByTestId('web-enrol-preview'));
      expect((await screen.findByTestId('web-enrol-problem')).textContent).toBe(
        voiceForTests.csvProblem(problem),
      );
      expect(screen.queryByTestId('csv-preview')).toBeNull();
      expect(sent).toEqual([]);
    },
  );
});
