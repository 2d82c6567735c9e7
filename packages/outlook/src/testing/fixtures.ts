import type { Template, TemplateAnalytics } from '../api/types';
import { FakeApi } from './fakeApi';
import { FakeComposeItem } from './fakeComposeItem';

export const intro: Template = {
  id: 't-intro',
  name: 'Intro',
  subject: 'Quick question for {{recipient.firstName}}',
  body: '<p>Hi {{recipient.firstName}},</p>',
};

export const plain: Template = { id: 't-plain', name: 'Plain', subject: 'News', body: '<p>Our news</p>' };

type Counts = TemplateAnalytics['team'];

export function counts(partial: Partial<Counts> = {}): Counts {
  return {
    messages: 0,
    recipients: 0,
    messagesBounced: 0,
    recipientsBounced: 0,
    recipientsHardBounced: 0,
    recipientsSoftBounced: 0,
    recipientsDelayed: 0,
    messagesReplied: 0,
    ...partial,
  };
}

export function apiWith(...templates: Template[]): FakeApi {
  const api = new FakeApi();
  api.templates = templates;
  for (const template of templates)
    api.analytics.set(template.id, { templateId: template.id, team: counts(), mine: counts() });
  return api;
}

/** A draft as the rep left it in Outlook. */
export function draftTo(
  to: { email: string; displayName?: string }[],
  subject = '',
  body = '',
): FakeComposeItem {
  const item = new FakeComposeItem();
  item.recipients.to = to;
  item.subject = subject;
  item.body = body;
  return item;
}

export const ada = { email: 'ada@acme.test', displayName: 'Ada Lovelace' };
export const bob = { email: 'bob@acme.test', displayName: 'Bob Byte' };
