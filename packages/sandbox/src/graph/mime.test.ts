import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

// Graph's MIME sendMail keeps the client's Message-ID and threading/unsubscribe headers (Exchange
// does), which is what lets replies to a campaign step thread and be attributed.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

async function graph(path: string, init: RequestInit = {}) {
  const token = await h.sandbox.issueMicrosoftToken('ava');
  return fetch(`${h.sandbox.microsoft.graphBaseUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
}

async function sendMime(lines: string[]) {
  const response = await graph('/me/sendMail', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: Buffer.from(
      [...lines, 'Content-Type: text/plain; charset=us-ascii', '', 'Hello Pat', ''].join('\r\n'),
    ).toString('base64'),
  });
  expect(response.status).toBe(202);
}

async function newest(folder: 'sentitems' | 'inbox') {
  const response = await graph(
    `/me/mailFolders/${folder}/messages?$top=1&$select=internetMessageId,subject,internetMessageHeaders`,
  );
  const [message] = (await response.json()).value;
  const header = (name: string) =>
    message.internetMessageHeaders.find((x: { name: string }) => x.name.toLowerCase() === name.toLowerCase())
      ?.value;
  return { message, header };
}

const STEP_TWO = [
  'To: Pat <pat@reply.test>',
  'Subject: Re: Quick question',
  'Message-ID: <sw-2@sendwell.local>',
  'In-Reply-To: <sw-1@sendwell.local>',
  'References: <sw-1@sendwell.local>',
  'List-Unsubscribe: <https://sendwell.example/u/tok>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  'Auto-Submitted: auto-generated',
];

describe('Graph MIME sendMail', () => {
  it("keeps the client's Message-ID, In-Reply-To, References and List-Unsubscribe; drops Auto-Submitted", async () => {
    await sendMime(STEP_TWO);
    const { message, header } = await newest('sentitems');
    expect(message.internetMessageId).toBe('<sw-2@sendwell.local>');
    expect(header('In-Reply-To')).toBe('<sw-1@sendwell.local>');
    expect(header('References')).toBe('<sw-1@sendwell.local>');
    expect(header('List-Unsubscribe')).toBe('<https://sendwell.example/u/tok>');
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(header('Auto-Submitted')).toBeUndefined();
  });

  it('assigns an Exchange Message-ID when the MIME has none', async () => {
    await sendMime(['To: pat@example.test', 'Subject: Hi']);
    const { message } = await newest('sentitems');
    expect(message.internetMessageId).toMatch(/^<[A-Z0-9]+@[A-Z0-9]+\.namprd12\.prod\.outlook\.com>$/);
  });

  it('a reply.test recipient answers on the thread of the Message-ID the client chose', async () => {
    await sendMime(STEP_TWO);
    h.clock.advance(300);
    const { message, header } = await newest('inbox');
    expect(message.subject).toBe('Re: Quick question');
    expect(header('In-Reply-To')).toBe('<sw-2@sendwell.local>');
    expect(header('References')).toBe('<sw-1@sendwell.local> <sw-2@sendwell.local>');
  });
});
