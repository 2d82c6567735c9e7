import type { Member, MemberPage } from '@sendwell/core';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAdmin } from '../testing';
import { MembersPage } from './MembersPage';

afterEach(cleanup);

const member = (id: string, role: Member['role']): Member => ({
  id,
  email: `${id}@contoso.test`,
  name: id.toUpperCase(),
  role,
  legacy: false,
  mailboxes: [{ id: `mbx-${id}`, provider: 'exchange', address: `${id}@contoso.test`, state: 'connected' }],
});

describe('MembersPage', () => {
  it('pages through members with the cursor the API gave', async () => {
    let calls = 0;
    const { sent } = renderAdmin(<MembersPage />, {
      'GET /members': () => {
        const second = ++calls > 1;
        const page: MemberPage = second
          ? { items: [member('eli', 'rep')], nextCursor: null }
          : { items: [member('ava', 'admin')], nextCursor: 'after-ava' };
        return { status: 200, body: page };
      },
    });
    fireEvent.click(await screen.findByText('Show more members'));
    await screen.findByTestId('web-admin-member-eli-role');
    expect(screen.getByTestId('web-admin-member-ava-role')).toBeTruthy();
    expect(sent.map((s) => s.query.cursor)).toEqual([undefined, 'after-ava']);
  });

  it('shows the server’s refusal (the last admin) and keeps the role the server holds', async () => {
    const message = "AVA is the team's only admin: make someone else an admin first, so the team keeps one.";
    const { sent } = renderAdmin(<MembersPage />, {
      'GET /members': { status: 200, body: { items: [member('ava', 'admin')], nextCursor: null } },
      'PATCH /members/ava': { status: 409, body: { error: { code: 'last-admin', message } } },
    });
    const role = (await screen.findByTestId('web-admin-member-ava-role')) as HTMLSelectElement;
    fireEvent.change(role, { target: { value: 'rep' } });
    const error = await screen.findByTestId('web-admin-member-error');
    expect(error.getAttribute('data-code')).toBe('last-admin');
    expect(error.textContent).toContain(message);
    await waitFor(() => expect(role.value).toBe('admin'));
    expect(sent.find((s) => s.method === 'PATCH')?.body).toEqual({ role: 'rep' });
  });
});
