import { describe, expect, it } from 'vitest';
import { mergeTemplate } from './merge';

describe('mergeTemplate', () => {
  it.each([
    ['Hi {{recipient.firstName}},', { email: 'pat@x.com', displayName: 'Pat Lee' }, 'Hi Pat,', []],
    ['Hi {{ recipient.lastName }}', { email: 'pat@x.com', displayName: 'Pat van Lee' }, 'Hi van Lee', []],
    [
      'Hi {{recipient.firstName}},',
      { email: 'pat@x.com' },
      'Hi {{recipient.firstName}},',
      ['recipient.firstName'],
    ],
    ['Hi {{recipient.firstName|there}},', { email: 'pat@x.com' }, 'Hi there,', []],
    ['Hi {{recipient.firstName|there}},', { email: 'pat@x.com', displayName: 'Pat' }, 'Hi Pat,', []],
    ['To {{recipient.email}}', { email: 'pat@x.com' }, 'To pat@x.com', []],
    ['{{unknown.field}}', { email: 'pat@x.com' }, '{{unknown.field}}', ['unknown.field']],
    ['No fields', undefined, 'No fields', []],
  ])('%s for %j', (text, recipient, merged, missing) => {
    expect(mergeTemplate(text, recipient)).toEqual({ text: merged, missing });
  });
});
