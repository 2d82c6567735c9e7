import { type Campaign, createCampaignBodySchema } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import {
  type CampaignForm,
  campaignFormSchema,
  campaignToForm,
  newCampaignForm,
  newStep,
  toCampaignBody,
} from './campaignForm';

const filled = (patch: (form: CampaignForm) => void = () => {}): CampaignForm => {
  const form = newCampaignForm('Europe/Paris');
  form.name = 'Spring outreach';
  form.steps[0]!.templateId = 'tpl-intro';
  form.steps.push({ ...newStep(false), templateId: 'tpl-follow', thread: 'same' });
  patch(form);
  return form;
};

const messages = (form: CampaignForm) =>
  (campaignFormSchema.safeParse(form).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('campaign form', () => {
  it('a filled two-step form becomes core’s CreateCampaign body', () => {
    const body = toCampaignBody(filled());
    expect(createCampaignBodySchema.parse(body)).toEqual(body);
    expect(body.steps.map((s) => [s.templateId, s.delay.amount, s.thread])).toEqual([
      ['tpl-intro', 0, 'new'],
      ['tpl-follow', 2, 'same'],
    ]);
    expect(body.steps[1]!.window).toEqual({
      startHour: 9,
      endHour: 17,
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      zone: 'rep',
    });
  });

  it.each([
    ['no name', (f: CampaignForm) => (f.name = '  '), 'name: Name the campaign.'],
    ['an unknown zone', (f: CampaignForm) => (f.timeZone = 'Mars/Olympus'), 'timeZone: Enter a time zone'],
    [
      'no template',
      (f: CampaignForm) => (f.steps[1]!.templateId = ''),
      'steps.1.templateId: Pick a template.',
    ],
    [
      'an empty delay',
      (f: CampaignForm) => (f.steps[1]!.delay.amount = Number.NaN),
      'steps.1.delay.amount: Enter',
    ],
    [
      'a window ending first',
      (f: CampaignForm) => (f.steps[0]!.window.endHour = 8),
      'steps.0.window.endHour: The window must end',
    ],
    [
      'a window with no day',
      (f: CampaignForm) => (f.steps[0]!.window.days = []),
      'steps.0.window.days: Pick at least one day.',
    ],
    ['no step', (f: CampaignForm) => (f.steps = []), 'steps: Add at least one step.'],
  ])('refuses %s with words a rep can act on', (_case, patch, expected) => {
    const found = messages(filled(patch));
    expect(
      found.some((m) => m.startsWith(expected)),
      found.join('\n'),
    ).toBe(true);
  });

  it('a window switched off is not checked and goes out as null; business days need days', () => {
    const form = filled((f) => {
      f.steps[0]!.useWindow = false;
      f.steps[0]!.window.endHour = Number.NaN;
      f.steps[1]!.delay = { amount: 4, unit: 'hours', businessDays: true };
    });
    expect(messages(form)).toEqual([]);
    const body = toCampaignBody(form);
    expect(body.steps[0]!.window).toBeNull();
    expect(body.steps[1]!.delay).toEqual({ amount: 4, unit: 'hours', businessDays: false });
  });

  it('the first step always starts a new thread', () => {
    const body = toCampaignBody(filled((f) => (f.steps[0]!.thread = 'same')));
    expect(body.steps[0]!.thread).toBe('new');
  });

  it('editing keeps each step’s id (the server keys sends by it)', () => {
    const campaign = {
      name: 'Spring',
      timeZone: 'America/New_York',
      steps: [
        {
          id: 'st-1',
          templateId: 't1',
          templateName: 'Intro',
          delay: { amount: 0, unit: 'days', businessDays: false },
          window: null,
          thread: 'new',
        },
        {
          id: 'st-2',
          templateId: 't2',
          templateName: null,
          delay: { amount: 3, unit: 'days', businessDays: true },
          window: { startHour: 8, endHour: 12, days: ['mon'], zone: 'person' },
          thread: 'same',
        },
      ],
    } as unknown as Campaign;
    const body = toCampaignBody(campaignToForm(campaign));
    expect(body.steps.map((s) => s.id)).toEqual(['st-1', 'st-2']);
    expect(body.steps[0]!.window).toBeNull();
    expect(body.steps[1]!.window).toEqual({ startHour: 8, endHour: 12, days: ['mon'], zone: 'person' });
  });
});
