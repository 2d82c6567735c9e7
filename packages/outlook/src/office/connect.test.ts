import { describe, expect, it } from 'vitest';
import { FakeOffice } from '../testing/fakeOffice';
import { SENDWELL_API_AUDIENCE } from './auth';
import { connectOffice } from './connect';
import { SANDBOX_HANDSHAKE_KEY, type SandboxOfficeHandshake } from './sandbox';

/** Just enough of `window` for the bootstrap: where we are, our parent, and maybe an Office global. */
function fakeWindow(search: string, extra: { parent?: object; Office?: unknown } = {}): Window {
  const self: Record<string, unknown> = { location: { search }, ...extra };
  if (!extra.parent) self.parent = self;
  return self as unknown as Window;
}

function sandboxParent(office: FakeOffice, audiences: string[]): object {
  const handshake: SandboxOfficeHandshake = {
    version: 1,
    Office: office,
    getAccessToken: async ({ audience }) => {
      audiences.push(audience);
      return 'sandbox-token';
    },
  };
  return { [SANDBOX_HANDSHAKE_KEY]: handshake };
}

describe('connectOffice', () => {
  it('adopts the fake Office from the sandbox host and asks it for tokens for our API audience', async () => {
    const audiences: string[] = [];
    const connection = await connectOffice(
      fakeWindow('?sandbox=1', { parent: sandboxParent(new FakeOffice(), audiences) }),
    );
    expect(connection.outcome).toBe('ready');
    if (connection.outcome !== 'ready') return;
    expect(connection.mode).toBe('sandbox');
    expect(await connection.item.getAccessToken()).toBe('sandbox-token');
    expect(audiences).toEqual([SENDWELL_API_AUDIENCE]);
  });

  it('in sandbox mode never falls back to a global Office', async () => {
    const connection = await connectOffice(fakeWindow('?sandbox=1', { Office: new FakeOffice() }));
    expect(connection).toMatchObject({ outcome: 'unavailable', reason: 'no-sandbox-host' });
  });

  it('uses the office.js global in Outlook, whose token seam refuses until NAA is configured', async () => {
    const connection = await connectOffice(fakeWindow('', { Office: new FakeOffice() }));
    expect(connection.outcome === 'ready' && connection.mode).toBe('outlook');
    if (connection.outcome !== 'ready') return;
    await expect(connection.item.getAccessToken()).rejects.toThrow(/not configured/);
  });

  it.each([
    ['office.js did not load', fakeWindow(''), 'no-office-js'],
    [
      'opened outside a compose window',
      fakeWindow('', { Office: new FakeOffice({ withItem: false }) }),
      'no-compose-item',
    ],
  ])('explains when %s', async (_case, self, reason) => {
    expect(await connectOffice(self)).toMatchObject({ outcome: 'unavailable', reason });
  });
});
