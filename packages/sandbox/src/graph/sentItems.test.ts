import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

// Sent Items as Graph serves them: the filters and expansions Graph supports, and the ones it refuses.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

const HEADER_SET = '{00020386-0000-0000-C000-000000000046}';
const property = (name: string) => `String ${HEADER_SET} Name ${name}`;

async function graph(path: string) {
  const token = await h.sandbox.issueMicrosoftToken('ava');
  return fetch(`${h.sandbox.microsoft.graphBaseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

async function sendMail(to: string, headers: { name: string; value: string }[] = []) {
  const token = await h.sandbox.issueMicrosoftToken('ava');
  const message = {
    subject: 'Hi',
    toRecipients: [{ emailAddress: { address: to } }],
    internetMessageHeaders: headers,
  };
  const response = await fetch(`${h.sandbox.microsoft.graphBaseUrl}/me/sendMail`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(202);
}

const sentWhere = (filter: string) =>
  graph(`/me/mailFolders/sentitems/messages?$select=id&$filter=${encodeURIComponent(filter)}`);

describe('Sent Items $filter on our header', () => {
  beforeEach(() => sendMail('pat@example.com', [{ name: 'x-sendwell-id', value: 'Snd-1' }]));

  it.each([
    // Graph: the property Name is case-sensitive, the value is not.
    ['the exact name and value', 'x-sendwell-id', 'Snd-1', 1],
    ['the value in another case', 'x-sendwell-id', 'snd-1', 1],
    ['the name in another case', 'X-Sendwell-Id', 'Snd-1', 0],
    ['another value', 'x-sendwell-id', 'snd-2', 0],
  ])('%s', async (_label, name, value, count) => {
    const filter = `singleValueExtendedProperties/any(ep: ep/id eq '${property(name)}' and ep/value eq '${value}')`;
    const response = await sentWhere(filter);
    expect(response.status).toBe(200);
    expect((await response.json()).value).toHaveLength(count);
  });

  it('refuses a filter on internetMessageHeaders with ErrorInvalidUrlQueryFilter, as Graph does', async () => {
    const response = await sentWhere(
      "internetMessageHeaders/any(h: h/name eq 'x-sendwell-id' and h/value eq 'Snd-1')",
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('ErrorInvalidUrlQueryFilter');
  });
});

describe('Sent Items delta', () => {
  const expand = `singleValueExtendedProperties($filter=id eq '${property('x-sendwell-id')}')`;
  const delta = (query: string) => graph(`/me/mailFolders/sentitems/messages/delta?${query}`);

  it('returns new Sent Items once, with our header expanded only where it exists', async () => {
    await sendMail('pat@example.com', [{ name: 'x-sendwell-id', value: 'snd-1' }]);
    await sendMail('kim@example.com');
    const first = await (await delta(`$select=toRecipients&$expand=${encodeURIComponent(expand)}`)).json();
    expect(
      first.value.map((m: { singleValueExtendedProperties?: unknown }) => m.singleValueExtendedProperties),
    ).toEqual([[{ id: `String ${HEADER_SET.toLowerCase()} Name x-sendwell-id`, value: 'snd-1' }], undefined]);
    await sendMail('lee@example.com');
    const next = await (
      await fetch(first['@odata.deltaLink'], {
        headers: { Authorization: `Bearer ${await h.sandbox.issueMicrosoftToken('ava')}` },
      })
    ).json();
    expect(
      next.value.map(
        (m: { toRecipients: { emailAddress: { address: string } }[] }) =>
          m.toRecipients[0]!.emailAddress.address,
      ),
    ).toEqual(['lee@example.com']);
  });

  it('filters the first round on receivedDateTime ge, as Graph delta allows', async () => {
    await sendMail('old@example.com');
    h.clock.advance(3600_000);
    await sendMail('new@example.com');
    const since = new Date(h.clock.now().getTime() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const page = await (
      await delta(`$select=subject&$filter=${encodeURIComponent(`receivedDateTime ge ${since}`)}`)
    ).json();
    expect(page.value).toHaveLength(1);
  });

  it.each([
    ["subject eq 'Hi'"],
    ["internetMessageId eq '<a@b>'"],
    ['receivedDateTime le 2026-01-05T09:00:00Z'],
  ])('refuses the delta filter %s', async (filter) => {
    const response = await delta(`$filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('ErrorInvalidUrlQueryFilter');
  });
});
