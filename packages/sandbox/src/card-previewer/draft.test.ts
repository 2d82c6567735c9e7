import { describe, expect, it } from 'vitest';
import { decodeWords } from '../mime/headers';
import { createSandbox } from '../sandbox';
import { draftRaw, encodeWord, splitRecipients } from './draft.js';

// The previewer saves its compose window through the sandbox's real users.drafts route, so the
// Gmail add-on reads back exactly what the window shows.
const sandbox = createSandbox({ baseUrl: 'http://sandbox.test/sandbox' });
const token = sandbox.issueGoogleAccessToken('gus');
const drafts = (path = '', init: RequestInit = {}) =>
  sandbox.app.request(`/google/gmail/v1/users/me/drafts${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

type Part = { mimeType?: string; headers?: { name: string; value: string }[]; body?: { data?: string } };
const header = (part: Part, name: string) => part.headers?.find((h) => h.name === name)?.value ?? '';

async function saveAndRead(fields: Parameters<typeof draftRaw>[0]) {
  const created = await drafts('', {
    method: 'POST',
    body: JSON.stringify({ message: { raw: draftRaw(fields) } }),
  });
  expect(created.status).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const got = (await (await drafts(`/${id}?format=full`)).json()) as { message: { payload: Part } };
  return got.message.payload;
}

describe('draftRaw', () => {
  it('saves To, Cc, Bcc, subject and the HTML body as written, non-ASCII included', async () => {
    const fields = {
      to: 'Zoë Ångström <zoe@example.com>, "Lee, Pat" <pat@example.com>',
      cc: 'cc@example.com',
      bcc: '',
      subject: 'Quick question for Zoë — 5 minutes?',
      html: '<p>Hi Zoë,</p><p>Edited by hand &amp; saved.</p>',
    };
    const payload = await saveAndRead(fields);
    expect(payload.mimeType).toBe('text/html');
    expect(decodeWords(header(payload, 'Subject'))).toBe(fields.subject);
    expect(decodeWords(header(payload, 'To'))).toBe(
      'Zoë Ångström <zoe@example.com>, "Lee, Pat" <pat@example.com>',
    );
    expect(header(payload, 'Cc')).toBe('cc@example.com');
    expect(header(payload, 'Bcc')).toBe('');
    expect(Buffer.from(payload.body?.data ?? '', 'base64url').toString('utf8')).toBe(fields.html);
  });

  it('keeps a subject on one line', async () => {
    const payload = await saveAndRead({
      to: 'a@example.com',
      cc: '',
      bcc: '',
      subject: 'one\r\ntwo',
      html: '',
    });
    expect(header(payload, 'Subject')).toBe('one two');
  });
});

describe('helpers', () => {
  it.each([
    ['Plain', 'Plain'],
    ['Zoë', '=?UTF-8?B?Wm/Dqw==?='],
  ])('encodeWord(%s)', (text, expected) => {
    expect(encodeWord(text)).toBe(expected);
  });

  it.each([
    ['a@x.test, b@x.test', ['a@x.test', 'b@x.test']],
    ['"Lee, Pat" <p@x.test>,  ', ['"Lee, Pat" <p@x.test>']],
    ['', []],
  ])('splitRecipients(%s)', (text, expected) => {
    expect(splitRecipients(text)).toEqual(expected);
  });
});
