import { describe, expect, it } from 'vitest';
import { enrolPersonSchema } from '../api/v1/campaigns';
import { mergeFieldName, parseEnrolmentCsv } from './csv';

describe('parseEnrolmentCsv', () => {
  it('reads people, their names, zones and merge fields; refuses bad rows one by one', () => {
    const csv = [
      'E-mail,First Name,Last Name,Company,Time zone',
      'Ada@Example.com,Ada,Lovelace,Analytical Engines,Europe/London',
      'not-an-address,Bob,,Acme,',
      ',Carol,,Acme,',
      'dave@example.com,Dave,,,Mars/Olympus',
      'erin@example.com,Erin,,Acme,',
      'ada@example.com,Ada,Again,,',
    ].join('\r\n');
    const parsed = parseEnrolmentCsv(csv);
    expect(parsed.problem).toBeNull();
    expect(parsed.columns).toEqual(['E-mail', 'First Name', 'Last Name', 'Company', 'Time zone']);
    expect(parsed.people).toEqual([
      {
        email: 'ada@example.com',
        displayName: 'Ada Lovelace',
        timeZone: 'Europe/London',
        fields: {
          'recipient.firstName': 'Ada',
          'recipient.lastName': 'Lovelace',
          'recipient.company': 'Analytical Engines',
        },
      },
      {
        email: 'erin@example.com',
        displayName: 'Erin',
        fields: { 'recipient.firstName': 'Erin', 'recipient.company': 'Acme' },
      },
    ]);
    expect(parsed.rows).toEqual([0, 4]);
    expect(parsed.errors.map(({ row, email, code, field }) => ({ row, email, code, field }))).toEqual([
      { row: 1, email: 'not-an-address', code: 'invalid', field: 'email' },
      { row: 2, email: null, code: 'invalid', field: 'email' },
      { row: 3, email: 'dave@example.com', code: 'invalid', field: 'timeZone' },
      { row: 5, email: 'ada@example.com', code: 'duplicate-in-batch', field: undefined },
    ]);
    // Every person it hands over passes the server's own row check.
    for (const person of parsed.people) expect(enrolPersonSchema.safeParse(person).success).toBe(true);
  });

  it.each([
    ['email', 'a@x.test'],
    ['Email Address', 'a@x.test'],
    ['e_mail', 'a@x.test'],
    ['MAIL', 'a@x.test'],
  ])('finds the email column named "%s"', (header, email) => {
    expect(parseEnrolmentCsv(`${header}\n${email}\n`).people).toEqual([{ email, fields: {} }]);
  });

  it.each([
    ['', 'empty'],
    ['email\n', 'empty'],
    ['name,company\nAda,Acme\n', 'no-email-column'],
    ['email,name\n"a@x.test,Ada\n', 'unreadable'],
  ])('%j: %s', (csv, code) => {
    const parsed = parseEnrolmentCsv(csv);
    expect(parsed.problem?.code).toBe(code);
    expect(parsed.people).toEqual([]);
  });

  it('keeps quoted commas and a byte-order mark, ignores blank lines, prefers a name column', () => {
    const parsed = parseEnrolmentCsv('\uFEFFemail,name,first name\n\n"a@x.test","Lovelace, Ada",Ada\n\n');
    expect(parsed.people).toEqual([
      { email: 'a@x.test', displayName: 'Lovelace, Ada', fields: { 'recipient.firstName': 'Ada' } },
    ]);
  });

  it('refuses a value longer than the wire allows, naming the row', () => {
    const parsed = parseEnrolmentCsv(`email,notes\na@x.test,${'x'.repeat(1_001)}\n`);
    expect(parsed.people).toEqual([]);
    expect(parsed.errors).toMatchObject([{ row: 0, code: 'invalid', field: 'fields' }]);
  });
});

describe('mergeFieldName', () => {
  it.each([
    ['Company', 'recipient.company'],
    ['Company Name', 'recipient.companyName'],
    ['job_title', 'recipient.jobTitle'],
    ['First Name', 'recipient.firstName'],
    ['  ARR (USD) ', 'recipient.arrUsd'],
  ])('"%s" → %s', (header, name) => {
    expect(mergeFieldName(header)).toBe(name);
  });
});
