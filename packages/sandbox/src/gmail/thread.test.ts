import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../testing/harness';

// messages.send with `threadId`: Gmail's threads guide — the id, References/In-Reply-To naming a
// message of that thread, and a matching Subject; otherwise a new thread.
let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

async function gmail(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const token = h.sandbox.issueGoogleAccessToken('gus');
  const response = await fetch(`${h.sandbox.google.rootUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

function mime(subject: string, id: string, replyTo?: string) {
  return [
    'To: Pat <pat@example.test>',
    `Subject: ${subject}`,
    `Message-ID: <${id}@sendwell.local>`,
    ...(replyTo
      ? [`In-Reply-To: <${replyTo}@sendwell.local>`, `References: <${replyTo}@sendwell.local>`]
      : []),
    '',
    'Hello',
    '',
  ].join('\r\n');
}

const send = (raw: string, threadId?: string) =>
  gmail('POST', 'gmail/v1/users/me/messages/send', {
    raw: Buffer.from(raw).toString('base64url'),
    ...(threadId ? { threadId } : {}),
  });

describe('Gmail send with threadId', () => {
  let first: { id: string; threadId: string };
  beforeEach(async () => {
    first = (await send(mime('Quick question', 'step-1'))).json;
  });

  it.each([
    ['threadId, In-Reply-To and the same subject (Re:)', 'Re: Quick question', 'step-1', true, true],
    ['threadId and references, another subject', 'Something else', 'step-1', true, false],
    ['threadId without references', 'Re: Quick question', undefined, true, false],
    ['references without threadId', 'Re: Quick question', 'step-1', false, false],
  ])('%s', async (_label, subject, replyTo, withThread, joins) => {
    const answer = await send(mime(subject, 'step-2', replyTo), withThread ? first.threadId : undefined);
    expect(answer.status).toBe(200);
    expect(answer.json.threadId === first.threadId).toBe(joins);
    const stored = h.sandbox.messages('gus', 'sentitems').find((m) => m.id === answer.json.id);
    expect(stored?.threadId).toBe(answer.json.threadId);
  });

  it('refuses a thread the mailbox does not have with 400 "Invalid thread_id value"', async () => {
    const answer = await send(mime('Re: Quick question', 'step-2', 'step-1'), '18c0ffee00000000');
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toBe('Invalid thread_id value');
  });

  it('takes threadId from the metadata part of a multipart upload', async () => {
    const boundary = 'sandbox_boundary';
    const body = [
      `--${boundary}`,
      'Content-Type: application/json; charset=UTF-8',
      '',
      JSON.stringify({ threadId: first.threadId }),
      `--${boundary}`,
      'Content-Type: message/rfc822',
      '',
      mime('Re: Quick question', 'step-2', 'step-1'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const answer = await gmail(
      'POST',
      'upload/gmail/v1/users/me/messages/send?uploadType=multipart',
      body,
      `multipart/related; boundary=${boundary}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json.threadId).toBe(first.threadId);
  });

  it('drafts.send keeps the thread the draft was saved in', async () => {
    const raw = Buffer.from(mime('Re: Quick question', 'step-2', 'step-1')).toString('base64url');
    const draft = await gmail('POST', 'gmail/v1/users/me/drafts', {
      message: { raw, threadId: first.threadId },
    });
    const sent = await gmail('POST', 'gmail/v1/users/me/drafts/send', { id: draft.json.id });
    expect(sent.status).toBe(200);
    expect(sent.json.threadId).toBe(first.threadId);
  });
});
