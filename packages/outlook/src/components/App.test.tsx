import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { FakeApi } from '../testing/fakeApi';
import { FakeComposeItem } from '../testing/fakeComposeItem';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

const intro = {
  id: 't-intro',
  name: 'Intro',
  subject: 'Hello {{recipient.firstName}}',
  body: '<p>Hi {{recipient.firstName}},</p>',
};

function apiWithTemplate() {
  const api = new FakeApi();
  api.templates = [intro];
  api.analytics.set(intro.id, {
    templateId: intro.id,
    sent: 4,
    bounced: 1,
    hardBounced: 1,
    softBounced: 0,
    delayed: 0,
  });
  return api;
}

async function chooseAndInsert(templateId: string) {
  fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: templateId } });
  fireEvent.click(screen.getByTestId('insert-template'));
  await screen.findByTestId('insert-status');
}

describe('template insert', () => {
  it("merges the first To recipient's first name into subject and body", async () => {
    const item = new FakeComposeItem();
    item.recipients.to = [
      { email: 'ada@acme.test', displayName: 'Ada Lovelace' },
      { email: 'bob@acme.test', displayName: 'Bob Byte' },
    ];
    renderPane({ item, api: apiWithTemplate() });
    await chooseAndInsert(intro.id);
    expect(item.subject).toBe('Hello Ada');
    expect(item.inserted).toEqual(['<p>Hi Ada,</p>']);
  });

  it('inserts with the fields left visible and says which are unfilled when the draft has no recipient', async () => {
    const { item } = renderPane({ api: apiWithTemplate() });
    await chooseAndInsert(intro.id);
    expect(item.body).toBe('<p>Hi {{recipient.firstName}},</p>');
    expect(screen.getByTestId('insert-status').textContent).toContain('{{recipient.firstName}}');
  });

  it("shows the selected template's analytics and refreshes them when a feed event arrives", async () => {
    const api = apiWithTemplate();
    renderPane({ api });
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    expect((await screen.findByText(/4 sent · 1 bounced/)).dataset.testid).toBe('template-analytics');
    api.analytics.set(intro.id, {
      templateId: intro.id,
      sent: 5,
      bounced: 2,
      hardBounced: 1,
      softBounced: 1,
      delayed: 0,
    });
    act(() =>
      api.emit({
        type: 'bounce',
        at: '2026-03-02T09:01:00Z',
        templateId: intro.id,
        recipient: 'x@full.test',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('template-analytics').textContent).toContain('5 sent · 2 bounced'),
    );
  });
});

describe('send with Sendwell', () => {
  function draftedItem() {
    const item = new FakeComposeItem();
    item.recipients = {
      to: [{ email: 'ada@acme.test', displayName: 'Ada Lovelace' }],
      cc: [{ email: 'cc@acme.test' }],
      bcc: [],
    };
    item.subject = 'Quick question';
    item.body = '<p>Hi Ada</p>';
    return item;
  }

  it('posts the draft read from Outlook with host outlook and an idempotency key', async () => {
    const { api } = renderPane({ item: draftedItem() });
    fireEvent.click(await screen.findByTestId('send-button'));
    await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).toBe('queued'));
    expect(api.sends).toEqual([
      {
        host: 'outlook',
        to: ['ada@acme.test'],
        cc: ['cc@acme.test'],
        subject: 'Quick question',
        body: '<p>Hi Ada</p>',
        idempotencyKey: 'key-1',
      },
    ]);
    expect(screen.getByTestId('send-status').textContent).toContain('Queued — going out now');
  });

  it('carries the inserted template id, and a fresh key on every click', async () => {
    const item = draftedItem();
    const api = apiWithTemplate();
    renderPane({ item, api });
    await chooseAndInsert(intro.id);
    fireEvent.click(screen.getByTestId('send-button'));
    await waitFor(() => expect(api.sends).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('send-button')).not.toHaveProperty('disabled', true));
    fireEvent.click(screen.getByTestId('send-button'));
    await waitFor(() => expect(api.sends).toHaveLength(2));
    expect(api.sends.map((send) => send.templateId)).toEqual([intro.id, intro.id]);
    expect(new Set(api.sends.map((send) => send.idempotencyKey)).size).toBe(2);
  });

  it('says when the send is scheduled for a later slot', async () => {
    const api = new FakeApi();
    api.sendAnswer = () => ({
      id: 's1',
      status: 'queued',
      sendAt: '2026-03-02T09:30:00Z',
      explanation: 'Waiting for the next slot.',
    });
    renderPane({ item: draftedItem(), api });
    fireEvent.click(await screen.findByTestId('send-button'));
    await waitFor(() =>
      expect(screen.getByTestId('send-status').textContent).toMatch(
        /scheduled for .*Waiting for the next slot\./,
      ),
    );
  });

  it("shows the server's error code and message", async () => {
    const api = new FakeApi();
    api.sendAnswer = () =>
      new ApiError('too-many-recipients', 'Exchange Online takes at most 500 recipients per message.', 422);
    renderPane({ item: draftedItem(), api });
    fireEvent.click(await screen.findByTestId('send-button'));
    const status = await screen.findByText(/at most 500 recipients/);
    expect(screen.getByTestId('send-status').textContent).toContain('too-many-recipients');
    expect(status).toBeTruthy();
  });

  it('does not post a draft without recipients', async () => {
    const item = draftedItem();
    item.recipients.to = [];
    const { api } = renderPane({ item });
    fireEvent.click(await screen.findByTestId('send-button'));
    await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).toBe('invalid'));
    expect(api.sends).toEqual([]);
  });
});

describe('host and channel', () => {
  it.each([
    ['outlookCom', /Outlook\.com/],
    ['enterprise', /on-premises Exchange/],
    ['gmail', /Gmail account/],
    ['unknown', /did not say/],
  ] as const)('explains a %s account and keeps Send off', async (accountType, explanation) => {
    renderPane({ item: new FakeComposeItem(accountType) });
    expect((await screen.findByTestId('host-notice')).textContent).toMatch(explanation);
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', true);
  });

  it('shows the channel the send will use and why', async () => {
    renderPane();
    expect((await screen.findByTestId('channel-label')).textContent).toBe('Exchange Online — your mailbox');
    expect(screen.queryByTestId('host-notice')).toBeNull();
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', false);
  });

  it('explains a missing Exchange mailbox and keeps Send off', async () => {
    const api = new FakeApi();
    api.channel = new ApiError(
      'no-native-mailbox',
      'Sends from Outlook must go through your Exchange Online mailbox, and none is connected.',
      409,
    );
    renderPane({ api });
    expect((await screen.findByTestId('channel-label')).textContent).toContain('none is connected');
    expect(screen.getByTestId('send-button')).toHaveProperty('disabled', true);
  });
});

describe('quota and live feed', () => {
  it("shows today's quota and the provider pause", async () => {
    const api = new FakeApi();
    api.quota = { ...api.quota, pausedUntil: '2026-03-02T10:00:00Z', queued: 3 };
    renderPane({ api });
    const quota = await screen.findByTestId('quota');
    expect(quota.textContent).toContain('12/9,000 recipients in the last 24 h');
    expect(quota.textContent).toContain('30 messages a minute');
    expect(quota.textContent).toContain('3 queued');
    expect(quota.dataset.paused).toBe('true');
  });

  it('renders a bounce with recipient, hard/soft and reason, newest first', async () => {
    const { api } = renderPane();
    await screen.findByTestId('live-feed');
    act(() =>
      api.emit({
        type: 'send.submitted',
        at: '2026-03-02T09:00:10Z',
        recipient: 'ada@acme.test',
        sendId: 's1',
      }),
    );
    act(() =>
      api.emit({
        type: 'bounce',
        at: '2026-03-02T09:02:00Z',
        recipient: 'nobody@bounce.test',
        sendId: 's2',
        detail: { hard: true, reason: 'userunknown', status: '5.1.1' },
      }),
    );
    const items = within(screen.getByTestId('live-feed')).getAllByTestId('feed-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toMatch(/nobody@bounce\.test bounced \(hard\).*user unknown, 5\.1\.1/);
    expect(items[1]!.textContent).toContain('Sent to ada@acme.test');
  });

  it('unsubscribes from the feed when the pane goes away', async () => {
    const { api, view } = renderPane();
    await screen.findByTestId('live-feed');
    expect(api.subscribers).toBe(1);
    view.unmount();
    expect(api.subscribers).toBe(0);
  });
});

describe('analytics requests', () => {
  it('loads a newly chosen template once even when feed events came before', async () => {
    const api = apiWithTemplate();
    renderPane({ api });
    await screen.findByTestId('live-feed');
    act(() => api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:10Z', templateId: intro.id }));
    fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: intro.id } });
    await screen.findByText(/4 sent · 1 bounced/);
    expect(api.analyticsRequests).toBe(1);
  });
});

describe('feed replay', () => {
  it('shows an event replayed on a new stream once', async () => {
    const { api } = renderPane();
    await screen.findByTestId('live-feed');
    const bounce = {
      id: 41,
      type: 'bounce',
      at: '2026-03-02T09:02:00Z',
      recipient: 'x@bounce.test',
      detail: { hard: true },
    };
    act(() => api.emit(bounce));
    act(() => api.emit({ ...bounce }));
    act(() => api.emit({ ...bounce, id: 42, recipient: 'y@bounce.test' }));
    expect(
      within(screen.getByTestId('live-feed'))
        .getAllByTestId('feed-item')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('y@bounce.test'), expect.stringContaining('x@bounce.test')]);
  });
});

describe('after the send', () => {
  it('follows the queued send through the feed without changing send-status', async () => {
    const item = new FakeComposeItem();
    item.recipients.to = [{ email: 'x@bounce.test' }];
    item.subject = 'Hi';
    const { api } = renderPane({ item });
    fireEvent.click(await screen.findByTestId('send-button'));
    await waitFor(() => expect(screen.getByTestId('send-status').dataset.state).toBe('queued'));
    act(() => api.emit({ type: 'send.submitted', at: '2026-03-02T09:00:05Z', sendId: 'send-1' }));
    expect(screen.getByTestId('send-outcome').dataset.state).toBe('submitted');
    act(() =>
      api.emit({
        type: 'bounce',
        at: '2026-03-02T09:01:00Z',
        sendId: 'send-1',
        recipient: 'x@bounce.test',
        detail: { hard: true },
      }),
    );
    expect(screen.getByTestId('send-outcome').textContent).toContain('x@bounce.test bounced (hard)');
    expect(screen.getByTestId('send-status').dataset.state).toBe('queued');
  });
});
