import { type Campaign, createCampaignBodySchema, type TemplateInfo } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CampaignEditor } from './CampaignEditorPage';
import { campaignFixture, renderWithApi } from './testing';

afterEach(cleanup);

const template = (id: string, name: string): TemplateInfo => ({
  id,
  name,
  subject: `${name} subject`,
  body: '<p>Hi</p>',
  scope: 'personal',
  owner: { id: 'eli', name: 'Eli' },
  editable: true,
});
const TEMPLATES = {
  'GET /templates': {
    status: 200,
    body: { items: [template('tpl-1', 'Intro'), template('tpl-2', 'Follow-up')], nextCursor: null },
  },
};

async function pickTemplate(step: number, name: string) {
  fireEvent.click(await screen.findByTestId(`web-campaign-step-${step}-template`));
  fireEvent.click(await screen.findByRole('option', { name }));
}

describe('CampaignEditor', () => {
  it('shows the form’s errors in words and sends nothing', async () => {
    const { sent } = renderWithApi(<CampaignEditor campaign={null} />, TEMPLATES);
    fireEvent.change(await screen.findByTestId('web-campaign-time-zone'), { target: { value: 'Mars/Base' } });
    fireEvent.change(screen.getByTestId('web-campaign-step-0-window-end'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('web-campaign-save'));
    for (const words of [
      'Name the campaign.',
      'Enter a time zone such as Europe/Paris.',
      'Pick a template.',
      'The window must end after it starts.',
    ])
      expect(await screen.findByText(words)).toBeTruthy();
    expect(sent.filter((s) => s.method !== 'GET')).toEqual([]);
  });

  it('creates a two-step campaign: core’s body, the second step a reply in the same thread', async () => {
    const { sent } = renderWithApi(<CampaignEditor campaign={null} />, {
      ...TEMPLATES,
      'POST /campaigns': { status: 201, body: campaignFixture({ id: 'cmp-new' }) },
    });
    fireEvent.change(await screen.findByTestId('web-campaign-name'), {
      target: { value: 'Spring outreach' },
    });
    fireEvent.change(screen.getByTestId('web-campaign-time-zone'), { target: { value: 'Europe/Paris' } });
    await pickTemplate(0, 'Intro');
    fireEvent.click(screen.getByTestId('web-campaign-add-step'));
    await pickTemplate(1, 'Follow-up');
    // The added step keeps its default delay (2 business days): a row added later must not read as empty.
    fireEvent.change(screen.getByTestId('web-campaign-step-0-delay'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('radio', { name: 'A reply in the previous step’s thread' }));
    fireEvent.click(screen.getByTestId('web-campaign-save'));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    const body = sent.find((s) => s.method === 'POST')!.body as ReturnType<
      typeof createCampaignBodySchema.parse
    >;
    expect(createCampaignBodySchema.parse(body)).toEqual(body);
    expect(body.name).toBe('Spring outreach');
    expect(body.timeZone).toBe('Europe/Paris');
    expect(body.steps.map((s) => [s.templateId, s.delay.amount, s.delay.businessDays, s.thread])).toEqual([
      ['tpl-1', 1, false, 'new'],
      ['tpl-2', 2, true, 'same'],
    ]);
  });

  it('editing sends PATCH with every step’s id kept', async () => {
    const campaign: Campaign = campaignFixture();
    const { sent } = renderWithApi(<CampaignEditor campaign={campaign} />, {
      ...TEMPLATES,
      'PATCH /campaigns/cmp-1': { status: 200, body: campaign },
    });
    fireEvent.change(await screen.findByTestId('web-campaign-name'), { target: { value: 'Spring, again' } });
    fireEvent.click(screen.getByTestId('web-campaign-save'));
    await waitFor(() => expect(sent.some((s) => s.method === 'PATCH')).toBe(true));
    const body = sent.find((s) => s.method === 'PATCH')!.body as { name: string; steps: { id: string }[] };
    expect(body.name).toBe('Spring, again');
    expect(body.steps.map((s) => s.id)).toEqual(['st-1', 'st-2']);
  });
});
