import { createVoice, ManualClock } from '@sendwell/core';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Template } from '../api/types';
import { FakeApi } from '../testing/fakeApi';
import { ada, apiWith, draftTo, intro, plain } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

const voice = createVoice({ locale: 'en', timeZone: 'UTC', clock: new ManualClock('2026-03-02T09:00:00Z') });
const followUp: Template = {
  id: 't-follow',
  name: 'Follow-up',
  subject: 'Following up on intro',
  body: '<p>Hi</p>',
};

const optionIds = () =>
  [...(screen.getByTestId('template-picker') as HTMLSelectElement).options]
    .map((o) => o.value)
    .filter(Boolean);

async function search(text: string) {
  fireEvent.change(await screen.findByTestId('template-search'), { target: { value: text } });
}

/** A server whose searches answer when the test says, to see which answer the pane keeps. */
class SlowSearchApi extends FakeApi {
  readonly pending = new Map<string, (items: Template[]) => void>();
  override searchTemplates(q: string) {
    this.searches.push(q);
    return new Promise<Template[]>((resolve) => this.pending.set(q, resolve));
  }
}

describe('template search', () => {
  it("lists the server's matches in the picker, and Insert uses the one found", async () => {
    const item = draftTo([ada]);
    const { api } = renderPane({ item, api: apiWith(intro, plain, followUp) });
    await search('  intro ');
    await waitFor(() => expect(optionIds()).toEqual([intro.id, followUp.id]));
    expect(api.searches).toEqual(['intro']); // trimmed before asking
    fireEvent.change(screen.getByTestId('template-picker'), { target: { value: followUp.id } });
    fireEvent.click(screen.getByTestId('insert-template'));
    await waitFor(() => expect(screen.getByTestId('insert-status').dataset.state).toBe('inserted'));
    expect(item.subject).toBe(followUp.subject);
  });

  it('says nothing matched, and an emptied box lists every template again', async () => {
    renderPane({ api: apiWith(intro, plain) });
    await search('zebra');
    expect((await screen.findByTestId('template-search-empty')).textContent).toBe(
      voice.t('compose.noTemplateMatch', { q: 'zebra' }),
    );
    await search('');
    await waitFor(() => expect(optionIds()).toEqual([intro.id, plain.id]));
    expect(screen.queryByTestId('template-search-empty')).toBeNull();
  });

  it('keeps the answer to the latest text when an earlier search answers last', async () => {
    const api = new SlowSearchApi();
    api.templates = [intro, plain, followUp];
    renderPane({ api });
    await search('in');
    await search('intro');
    act(() => api.pending.get('intro')!([intro]));
    act(() => api.pending.get('in')!([intro, followUp]));
    await waitFor(() => expect(optionIds()).toEqual([intro.id]));
  });
});

describe('recently used', () => {
  it('offers the rep’s recent templates; one click picks it, even outside the current search', async () => {
    const api = apiWith(intro, plain, followUp);
    api.recent = [plain, intro];
    renderPane({ api });
    const recent = await screen.findByTestId('template-recent');
    expect(recent.textContent).toContain(voice.t('compose.recentlyUsed'));
    const items = within(recent).getAllByTestId('template-recent-item');
    expect(items.map((b) => b.dataset.templateId)).toEqual([plain.id, intro.id]);
    await search('follow');
    await waitFor(() => expect(optionIds()).toEqual([followUp.id]));
    fireEvent.click(items[0]!);
    expect((screen.getByTestId('template-picker') as HTMLSelectElement).value).toBe(plain.id);
    expect(optionIds()).toEqual([plain.id, followUp.id]);
  });

  it('shows nothing without recent templates, and reads them again after a send', async () => {
    const api = apiWith(intro);
    renderPane({ api, item: draftTo([ada], 'Hi', '<p>Hi</p>') });
    await screen.findByTestId('template-search');
    expect(screen.queryByTestId('template-recent')).toBeNull();
    api.recent = [intro];
    const button = screen.getByTestId('send-button');
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button);
    const recent = await screen.findByTestId('template-recent');
    expect(
      within(recent)
        .getAllByTestId('template-recent-item')
        .map((b) => b.textContent),
    ).toEqual([intro.name]);
    expect(api.calls.filter((call) => call === 'recentTemplates')).toHaveLength(2);
  });
});
