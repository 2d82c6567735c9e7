import { invalidAddresses, mergeTemplate, personalise } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { ada, apiWith, bob, draftTo, intro } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

async function insert(templateId: string) {
  fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: templateId } });
  fireEvent.click(screen.getByTestId('insert-template'));
  return screen.findByTestId('insert-status');
}

async function send() {
  const button = await screen.findByTestId('send-button');
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).not.toBe('sending'));
  return screen.getByTestId('send-status');
}

describe('Send with Sendwell', () => {
  it('posts the draft read from Outlook at click time, with the draft key', async () => {
    const item = draftTo([ada], 'Quick question', '<p>Hi Ada</p>');
    item.recipients.cc = [{ email: 'cc@acme.test' }];
    const { api } = renderPane({ item });
    expect((await send()).dataset.state).toBe('scheduled');
    expect(api.sends).toEqual([
      {
        host: 'outlook',
        to: ['ada@acme.test'],
        cc: ['cc@acme.test'],
        bcc: [],
        subject: 'Quick question',
        body: '<p>Hi Ada</p>',
        idempotencyKey: 'key-1',
        personalise: 'one',
      },
    ]);
  });

  it("sends the draft as the rep edited it after Insert, without the pane's marker", async () => {
    const item = draftTo([ada]);
    const { api } = renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    item.subject = `${item.subject} (edited)`;
    item.body = item.body.replace('Hi Ada,', 'Hi Ada, I rewrote this.');
    await send();
    expect(api.sends[0]).toMatchObject({ subject: `${mergeTemplate(intro.subject, ada).text} (edited)` });
    expect(api.sends[0]!.body).toContain('Hi Ada, I rewrote this.');
    expect(api.sends[0]!.body).not.toContain('data-sendwell');
  });

  // Observation 4: a recipient with no name; Insert warned, but Send sent the tag unfilled.
  it('refuses to post a draft with an unfilled tag, naming it', async () => {
    const item = draftTo([{ email: 'noname@acme.test' }]);
    const { api } = renderPane({ item, api: apiWith(intro) });
    expect((await insert(intro.id)).dataset.state).toBe('unfilled');
    const status = await send();
    const refusal = personalise(
      {
        to: [{ email: 'noname@acme.test' }],
        cc: [],
        bcc: [],
        subject: item.subject,
        body: item.body,
        format: 'html',
      },
      'one',
    );
    expect(refusal.outcome).toBe('refused');
    expect(status.dataset.state).toBe('invalid');
    expect(status.textContent).toContain(refusal.outcome === 'refused' ? refusal.message : '');
    expect(status.textContent).toContain('{{recipient.firstName}}');
    expect(api.sends).toEqual([]);
  });

  // Observation 5: Insert for Ada, change To to Bob, Send: Bob got "Quick question for Ada".
  it('notices the recipients changed since Insert, and merges again for the new one', async () => {
    const item = draftTo([ada]);
    const { api } = renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    item.recipients.to = [bob];
    const status = await send();
    expect(status.dataset.state).toBe('recipients-changed');
    expect(status.textContent).toContain('merged for Ada Lovelace');
    expect(api.sends).toEqual([]);
    fireEvent.click(screen.getByTestId('merge-again'));
    await waitFor(() => expect(screen.getByTestId('insert-status').textContent).toContain('Bob Byte'));
    await send();
    expect(api.sends).toHaveLength(1);
    expect(api.sends[0]).toMatchObject({ to: [bob.email], subject: mergeTemplate(intro.subject, bob).text });
    expect(api.sends[0]!.body).toContain('Hi Bob,');
  });

  // Observation 5: with two To recipients both got the first one's merge.
  it('"one email each" posts personalise each with the display names, and follows each message', async () => {
    const item = draftTo([ada, bob]);
    const { api } = renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    fireEvent.click(screen.getByTestId('merge-each'));
    await waitFor(() => expect(screen.getByTestId('insert-status').dataset.mode).toBe('each'));
    await send();
    expect(api.sends[0]).toMatchObject({
      to: [ada.email, bob.email],
      personalise: 'each',
      displayNames: { [ada.email]: ada.displayName, [bob.email]: bob.displayName },
      templateId: intro.id,
    });
    const outcomes = screen.getAllByTestId('send-outcome');
    expect(outcomes.map((outcome) => outcome.textContent)).toEqual([
      expect.stringContaining(ada.email),
      expect.stringContaining(bob.email),
    ]);
  });

  // Observation 7: "Not sent to.0: Invalid email address; to.1: …" named no address.
  it('names the invalid addresses and posts nothing', async () => {
    const item = draftTo([{ email: 'ada@exam"ple.com' }, { email: 'bob@' }], 'Hi', '<p>Hi</p>');
    const { api } = renderPane({ item });
    const status = await send();
    expect(invalidAddresses(['ada@exam"ple.com', 'bob@'])).toHaveLength(2);
    expect(status.dataset.state).toBe('invalid');
    expect(status.textContent).toContain('"ada@exam"ple.com"');
    expect(status.textContent).toContain('"bob@"');
    expect(api.sends).toEqual([]);
  });

  it("shows the server's human message when it refuses", async () => {
    const api = apiWith();
    const refusal = new ApiError(
      'too-many-recipients',
      'Exchange Online takes at most 500 recipients per message.',
      422,
    );
    api.sendAnswer = () => refusal;
    renderPane({ item: draftTo([ada], 'Hi', '<p>Hi</p>'), api });
    const status = await send();
    expect(status.dataset.state).toBe('failed');
    expect(status.textContent).toContain(refusal.message);
  });
});

describe('once per draft', () => {
  // Observation 6: Send, then Send again on the same draft, sent twice.
  it('a second click posts the same key; the server says it was sent, and nothing new goes out', async () => {
    const item = draftTo([ada], 'Hi', '<p>Hi</p>');
    const { api } = renderPane({ item });
    await send();
    const again = await send();
    expect(api.sends.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-1']);
    expect(again.dataset.state).toBe('duplicate');
    expect(again.textContent).toContain('nothing new was sent');
  });

  it('a pane reopened on a sent draft says so before any click, and offers to close the draft', async () => {
    const item = draftTo([ada], 'Hi', '<p>Hi</p>');
    const first = renderPane({ item });
    await send();
    first.view.unmount();
    const { api } = renderPane({ item, api: first.api, newIdempotencyKey: () => 'a-fresh-key' });
    expect((await screen.findByTestId('send-status')).dataset.state).toBe('sent-before');
    fireEvent.click(screen.getByTestId('close-draft'));
    expect(item.closed).toBe(true);
    expect((await send()).dataset.state).toBe('duplicate');
    expect(api.sends.map((request) => request.idempotencyKey)).toEqual(['key-1', 'key-1']);
  });
});
