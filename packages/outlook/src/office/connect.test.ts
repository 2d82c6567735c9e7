import { describe, expect, it } from 'vitest';
import { FakeOffice } from '../testing/fakeOffice';
import type { TokenSource } from './auth';
import { connectOffice } from './connect';
import type { OfficeApi } from './officeApi';
import { SANDBOX_HANDSHAKE_KEY, type SandboxOfficeHandshake } from './sandbox';

/** Just enough of `window` for the bootstrap: where we are, our parent, and maybe an Office global. */
function fakeWindow(search: string, extra: { parent?: object; Office?: unknown } = {}): Window {
  const self: Record<string, unknown> = {
    location: { search, href: `https://sendwell.test/outlook/taskpane.html${search}` },
    ...extra,
  };
  if (!extra.parent) self.parent = self;
  return self as unknown as Window;
}

function sandboxParent(office: FakeOffice, attached: object[]): object {
  const handshake: SandboxOfficeHandshake = {
    version: 2,
    Office: office,
    attach: (paneWindow) => {
      attached.push(paneWindow);
    },
  };
  return { [SANDBOX_HANDSHAKE_KEY]: handshake };
}

/** Records which Office each sign-in was made for; the token says which. */
function recordingSignIn(made: OfficeApi[]) {
  return (office: OfficeApi): TokenSource => {
    made.push(office);
    return async () => `token-for-${made.length}`;
  };
}

describe('connectOffice', () => {
  it("adopts the sandbox host's fake Office, lets the host attach to our window (its NAA bridge), and signs in through it", async () => {
    const office = new FakeOffice();
    const attached: object[] = [];
    const made: OfficeApi[] = [];
    const pane = fakeWindow('?sandbox=1', { parent: sandboxParent(office, attached) });
    const connection = await connectOffice(pane, { signIn: recordingSignIn(made) });
    expect(connection.outcome).toBe('ready');
    if (connection.outcome !== 'ready') return;
    expect(connection.mode).toBe('sandbox');
    expect(attached).toEqual([pane]);
    expect(made).toEqual([office]);
    expect(await connection.item.getAccessToken()).toBe('token-for-1');
  });

  it('refuses a host speaking the old handshake (a raw token function instead of NAA)', async () => {
    const old = {
      [SANDBOX_HANDSHAKE_KEY]: { version: 1, Office: new FakeOffice(), getAccessToken: async () => 't' },
    };
    const connection = await connectOffice(fakeWindow('?sandbox=1', { parent: old }));
    expect(connection).toMatchObject({ outcome: 'unavailable', reason: 'no-sandbox-host' });
  });

  it('in sandbox mode never falls back to a global Office', async () => {
    const connection = await connectOffice(fakeWindow('?sandbox=1', { Office: new FakeOffice() }));
    expect(connection).toMatchObject({ outcome: 'unavailable', reason: 'no-sandbox-host' });
  });

  it('uses the office.js global in Outlook, signing in against it', async () => {
    const office = new FakeOffice();
    const made: OfficeApi[] = [];
    const connection = await connectOffice(fakeWindow('', { Office: office }), {
      signIn: recordingSignIn(made),
    });
    expect(connection.outcome === 'ready' && connection.mode).toBe('outlook');
    expect(made).toEqual([office]);
  });

  it("production sign-in asks the server's auth config and refuses, in words, when Microsoft is not configured", async () => {
    const asked: string[] = [];
    const fetchConfig = (async (url: string) => {
      asked.push(url);
      return Response.json({ microsoft: null });
    }) as typeof fetch;
    const connection = await connectOffice(fakeWindow('', { Office: new FakeOffice() }), {
      baseUrl: 'https://sendwell.test',
      fetch: fetchConfig,
    });
    if (connection.outcome !== 'ready') throw new Error('not ready');
    await expect(connection.item.getAccessToken()).rejects.toMatchObject({ reason: 'not-configured' });
    expect(asked).toEqual(['https://sendwell.test/api/v1/auth-config']);
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
