import { describe, expect, it } from 'vitest';
import { escapeHtml, MERGE_FIELDS, mergeTemplate, unfilledTags, unknownMergeFields } from './merge';

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

describe('merging into HTML (observation 23)', () => {
  const hostile = { email: 'dn@example.com', displayName: '<img src=x onerror=alert(1)> & "Co"' };

  it('escapes values, so a display name is text, never markup', () => {
    const { text } = mergeTemplate('<p>Hi {{recipient.name}}</p>', hostile, 'html');
    expect(text).toBe('<p>Hi &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</p>');
    expect(text).not.toContain('<img');
  });

  it('escapes a fallback too, and leaves plain text plain', () => {
    expect(mergeTemplate('Hi {{recipient.firstName|<you>}}', undefined, 'html').text).toBe('Hi &lt;you&gt;');
    expect(mergeTemplate('Hi {{recipient.name}}', hostile, 'text').text).toBe(`Hi ${hostile.displayName}`);
  });

  it('leaves the template markup itself alone', () => {
    expect(escapeHtml('<b>')).toBe('&lt;b&gt;');
    expect(mergeTemplate('<b>{{recipient.email}}</b>', hostile, 'html').text).toBe('<b>dn@example.com</b>');
  });
});

describe('the supported fields, listed once (observation 12)', () => {
  it.each([
    ['Hi {{recipient.company}}', ['recipient.company']],
    [
      '{{recipient.firstName}} at {{ company.name|us }} and {{recipient.company}}',
      ['company.name', 'recipient.company'],
    ],
    ['Hi {{recipient.firstName|there}}, {{recipient.email}}', []],
  ])('%s uses unknown fields %j', (text, unknown) => {
    expect(unknownMergeFields(text)).toEqual(unknown);
  });

  it('knows every field it lists', () => {
    const template = MERGE_FIELDS.map((field) => `{{${field.name}}}`).join(' ');
    expect(unknownMergeFields(template)).toEqual([]);
    const person = { email: 'ada@example.com', displayName: 'Ada Lovelace' };
    expect(mergeTemplate(template, person).missing).toEqual([]);
  });

  it.each([
    ['Hello {{recipient.firstName}}', ['{{recipient.firstName}}']],
    ['Hello {{ anything | else }} and {{x}}', ['{{ anything | else }}', '{{x}}']],
    ['Hello Ada, {not a tag}', []],
  ])('%s leaves unfilled tags %j', (text, tags) => {
    expect(unfilledTags(text)).toEqual(tags);
  });
});
