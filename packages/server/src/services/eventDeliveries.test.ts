import { countDeliveries } from '@sendwell/core';
import { describe, expect, it } from 'vitest';
import type { TemplateEventRow } from '../store/events';
import { eventDeliveries } from './eventDeliveries';

let id = 0;
const row = (type: string, sendId: string | null, recipient: string | null = null): TemplateEventRow => ({
  id: ++id,
  userId: 'gus',
  type,
  sendId,
  templateId: 't1',
  recipient,
  detail: {},
  at: new Date('2026-03-02T10:00:00Z'),
  recipients: 1,
});

describe('replies in template analytics', () => {
  it.each<[string, TemplateEventRow[], number]>([
    ['no answer', [row('send.submitted', 's1')], 0],
    ['one reply', [row('send.submitted', 's1'), row('reply', 's1', 'ivy@acme.test')], 1],
    [
      'two people answer one message: still one message replied',
      [row('send.submitted', 's1'), row('reply', 's1', 'ivy@acme.test'), row('reply', 's1', 'max@acme.test')],
      1,
    ],
    [
      'an out-of-office is not a reply',
      [row('send.submitted', 's1'), row('auto-reply', 's1', 'ivy@acme.test')],
      0,
    ],
    ['a reply we could not tie to a send is not counted', [row('reply', null, 'ivy@acme.test')], 0],
  ])('%s', (_name, events, replied) => {
    expect(countDeliveries(eventDeliveries(events)).messagesReplied).toBe(replied);
  });
});
