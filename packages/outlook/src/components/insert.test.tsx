import { escapeHtml, mergeTemplate } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_ATTRIBUTE } from '../model/templateBlock';
import { ada, apiWith, bob, draftTo, intro, plain } from '../testing/fixtures';
import { renderPane } from '../testing/renderPane';

afterEach(cleanup);

async function insert(templateId: string) {
  fireEvent.change(await screen.findByTestId('template-picker'), { target: { value: templateId } });
  fireEvent.click(screen.getByTestId('insert-template'));
  return screen.findByTestId('insert-status');
}

const blocks = (html: string) => html.split(BLOCK_ATTRIBUTE).length - 1;

describe('Insert', () => {
  it('merges for the first To recipient, subject as text and body as escaped HTML', async () => {
    const item = draftTo([ada]);
    renderPane({ item, api: apiWith(intro) });
    expect((await insert(intro.id)).dataset.state).toBe('inserted');
    expect(item.subject).toBe(mergeTemplate(intro.subject, ada).text);
    expect(item.body).toContain(mergeTemplate(intro.body, ada, 'html').text);
    expect(screen.getByTestId('insert-status').textContent).toContain('merged for Ada Lovelace');
  });

  it('never turns a display name into markup', async () => {
    const evil = { email: 'dn@example.com', displayName: '<img src=x onerror=alert(1)>' };
    const item = draftTo([evil]);
    renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    expect(item.body).not.toContain('<img');
    expect(item.body).toContain(escapeHtml('<img'));
  });

  // Observation 12: with no recipient, Insert overwrote the subject and said "merged for no recipient yet".
  it('with no recipient keeps the subject the rep wrote and says the merge is still to come', async () => {
    const item = draftTo([], 'My own subject');
    renderPane({ item, api: apiWith(intro) });
    const status = await insert(intro.id);
    expect(item.subject).toBe('My own subject');
    expect(status.textContent).toMatch(/not merged yet/);
    expect(status.textContent).toMatch(/Your subject was kept/);
    expect(status.textContent).not.toMatch(/no recipient yet/);
  });

  it('writes the subject when the draft has none', async () => {
    const item = draftTo([ada]);
    renderPane({ item, api: apiWith(plain) });
    await insert(plain.id);
    expect(item.subject).toBe(plain.subject);
  });

  // Observation 12: inserting twice duplicated the body.
  it('inserting again replaces the earlier insert instead of adding a second copy', async () => {
    const item = draftTo([ada], '', '<p>Above</p>');
    renderPane({ item, api: apiWith(intro, plain) });
    await insert(intro.id);
    await waitFor(() => expect(blocks(item.body)).toBe(1));
    item.recipients.to = [bob];
    const status = await insert(intro.id);
    await waitFor(() => expect(status.textContent).toContain('Bob Byte'));
    expect(blocks(item.body)).toBe(1);
    expect(item.body).toContain('<p>Above</p>');
    expect(item.body).toContain('Hi Bob,');
    expect(item.body).not.toContain('Hi Ada,');
    expect(item.subject).toBe(mergeTemplate(intro.subject, bob).text);
  });

  // Observation 12: a template using an unknown field was accepted.
  it('refuses a template with a field Sendwell cannot fill, naming it, and writes nothing', async () => {
    const company = { id: 't-co', name: 'Company', subject: 'Hi', body: '<p>At {{recipient.company}}</p>' };
    const item = draftTo([ada]);
    renderPane({ item, api: apiWith(company) });
    const status = await insert(company.id);
    expect(status.dataset.state).toBe('refused');
    expect(status.textContent).toContain('{{recipient.company}}');
    expect([item.subject, item.body]).toEqual(['', '']);
  });

  // Observation 5: with two To recipients both got the first one's merge.
  it('with several To recipients and per-person fields, asks: one email each, or one merged for the first', async () => {
    const item = draftTo([ada, bob]);
    renderPane({ item, api: apiWith(intro) });
    expect((await insert(intro.id)).dataset.state).toBe('choose');
    expect(item.body).toBe('');
    expect(screen.getByTestId('merge-one').textContent).toContain('Ada Lovelace');
    fireEvent.click(screen.getByTestId('merge-each'));
    await waitFor(() => expect(screen.getByTestId('insert-status').dataset.mode).toBe('each'));
    expect(item.body).toContain(intro.body); // the server merges each copy
  });

  it('"one email, merged for" the first recipient merges for them', async () => {
    const item = draftTo([ada, bob]);
    renderPane({ item, api: apiWith(intro) });
    await insert(intro.id);
    fireEvent.click(screen.getByTestId('merge-one'));
    await waitFor(() => expect(screen.getByTestId('insert-status').dataset.mode).toBe('one'));
    expect(item.body).toContain('Hi Ada,');
  });
});
