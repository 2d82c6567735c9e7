import { type MessageKey, translate, unfilledTags } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/types';
import { FakeComposeItem } from '../testing/fakeComposeItem';
import { ada, apiWith, bob, draftTo, intro } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

/**
 * Issue 6, "one voice": an Outlook whose display language is zh-CN shows the catalog's Simplified
 * Chinese in every state — account notices, refusals before posting, Insert, recipients changed,
 * already sent — where the pane used to show English written into its components. Expected texts
 * are built from the catalog.
 */
afterEach(cleanup);

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-Hans', key, params);

function chinese(item: FakeComposeItem): FakeComposeItem {
  item.displayLanguage = 'zh-CN';
  return item;
}

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

describe('the pane in Simplified Chinese (displayLanguage zh-CN)', () => {
  it.each(['outlookCom', 'enterprise', 'gmail', 'unknown'] as const)(
    'explains an unsupported %s account in Chinese',
    async (accountType) => {
      renderPane({ item: chinese(new FakeComposeItem(accountType)) });
      const notice = await screen.findByTestId('host-notice');
      expect(notice.textContent).toBe(
        zh('host.title') + zh(`host.${accountType}`) + zh(`host.todo.${accountType}`),
      );
      expect(screen.getByTestId('host-what-to-do').textContent).toBe(zh(`host.todo.${accountType}`));
      expect(screen.getByTestId('pane-user').textContent).toBe(
        zh('pane.title', { name: 'Rae Rep', email: 'rep@contoso.test' }),
      );
    },
  );

  it('names an invalid address in Chinese', async () => {
    const address = 'ada@exam"ple.com';
    renderPane({ item: chinese(draftTo([{ email: address }], 'S', '<p>B</p>')) });
    const status = await send();
    expect(status.dataset.state).toBe('invalid');
    expect(status.textContent).toBe(
      zh('refusal.invalidAddresses.other', { addresses: zh('list.quoted', { text: address }) }),
    );
  });

  it('warns about an unfilled tag on Insert, and refuses it on Send, in Chinese', async () => {
    const noName = { email: 'nn@acme.test' };
    const item = chinese(draftTo([noName]));
    const { api } = renderPane({ item, api: apiWith(intro) });
    const status = await insert(intro.id);
    expect(status.dataset.state).toBe('unfilled');
    expect(status.textContent).toBe(
      zh('insert.unfilled', { name: noName.email, tags: '{{recipient.firstName}}' }),
    );
    const refused = await send();
    const tags = unfilledTags(`${item.subject}\n${item.body}`).join(zh('list.comma'));
    expect(refused.textContent).toBe(zh('refusal.unfilledTags', { tags }));
    expect(api.sends).toEqual([]);
  });

  it('says the recipients changed since Insert in Chinese', async () => {
    const item = chinese(draftTo([ada]));
    renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    item.recipients.to = [bob];
    const status = await send();
    expect(status.dataset.state).toBe('recipients-changed');
    const changes = [
      zh('pane.changed.added', { addresses: bob.email }),
      zh('pane.changed.removed', { addresses: ada.email }),
    ].join(zh('list.semicolon'));
    expect(screen.getByTestId('recipients-changed-detail').textContent).toBe(
      zh('pane.changed.mergedForWith', { name: ada.displayName, changes }),
    );
    expect(status.textContent).toContain(zh('ui.recipientsChanged'));
    expect(screen.getByTestId('merge-again').textContent).toBe(zh('ui.mergeAgain'));
  });

  it('says a second Send sent nothing new, in Chinese', async () => {
    renderPane({ item: chinese(draftTo([ada], 'Hi', '<p>Hi</p>')) });
    await send();
    const again = await send();
    expect(again.dataset.state).toBe('duplicate');
    expect(again.textContent).toContain(zh('ui.alreadySent'));
    expect(screen.getByTestId('close-draft').textContent).toBe(zh('ui.closeDraft'));
  });

  it('says Sendwell could not be reached in Chinese', async () => {
    const { api } = renderPane({ item: chinese(draftTo([ada], 'Hi', '<p>Hi</p>')) });
    api.sendAnswer = () => new ApiError('network', 'Failed to fetch', 0);
    const status = await send();
    expect(status.dataset.state).toBe('failed');
    expect(status.textContent).toBe(
      `${zh('ui.notSent')}${zh('problem.network', { error: 'Failed to fetch' })} (network)`,
    );
  });
});
