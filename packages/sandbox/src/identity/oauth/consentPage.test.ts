import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startSandbox } from '../../testing/harness';
import { buttons, listItems, select } from '../../testing/html';
import { pkcePair } from '../../testing/oauth';
import { APP, entraKit } from './entraTestKit';
import { googleKit } from './googleTestKit';
import { describeGoogleScope, describeMicrosoftScope } from './scopes';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox({ appBaseUrl: APP });
});
afterAll(() => h.close());
const ms = entraKit(() => h);
const google = googleKit(() => h);
const html = async (url: string) => (await fetch(url)).text();

describe('consent pages', () => {
  it("Entra: the tenant's accounts by name, login_hint preselected, permissions in words, Accept and Cancel", async () => {
    const page = await html(
      ms.authorizeUrl(ms.params(pkcePair().challenge, { login_hint: 'nia@contoso.test' })),
    );
    expect(page).toMatch(/<html lang="en">/);
    const account = select(page, 'consent-account')!;
    expect(account.label).toBe('Account');
    expect(account.options.map((o) => o.value)).toEqual(['ava', 'eli', 'nia']);
    expect(account.options.find((o) => o.selected)).toMatchObject({
      value: 'nia',
      label: 'Nia Okafor (nia@contoso.test)',
    });
    expect(listItems(page, 'consent-permissions')).toEqual(
      ['openid', 'profile', 'email', 'offline_access', 'Mail.Send', 'Mail.Read'].map(describeMicrosoftScope),
    );
    expect(listItems(page, 'consent-permissions')).toContain('Send mail as you');
    expect(buttons(page)).toEqual([
      { name: 'Accept', testid: 'consent-accept' },
      { name: 'Cancel', testid: 'consent-cancel' },
    ]);
  });

  it('Entra at /organizations lists every Exchange account', async () => {
    const page = await html(ms.authorizeUrl(ms.params(pkcePair().challenge), 'organizations'));
    expect(select(page, 'consent-account')!.options.map((o) => o.value)).toEqual([
      'ava',
      'eli',
      'lou',
      'nia',
    ]);
  });

  it("Google: the Gmail accounts, login_hint preselected, scopes in Google's words", async () => {
    const page = await html(
      google.authUrl(google.params(pkcePair().challenge, { login_hint: 'max@acme.test' })),
    );
    const account = select(page, 'consent-account')!;
    expect(account.label).toBe('Account');
    expect(account.options.map((o) => o.value)).toEqual(['gus', 'ivy', 'max']);
    expect(account.options.find((o) => o.selected)?.value).toBe('max');
    expect(listItems(page, 'consent-permissions')).toEqual(
      [
        'openid',
        'https://www.googleapis.com/auth/userinfo.email',
        'https://www.googleapis.com/auth/gmail.send',
      ].map(describeGoogleScope),
    );
    expect(buttons(page).map((b) => b.testid)).toEqual(['consent-accept', 'consent-cancel']);
  });

  it('a consent form can be answered once only', async () => {
    const page = await html(google.authUrl(google.params(pkcePair().challenge)));
    const request = /name="request" value="([^"]+)"/.exec(page)![1]!;
    const post = () =>
      fetch(`${h.sandbox.google.accountsUrl}/o/oauth2/v2/auth`, {
        method: 'POST',
        body: new URLSearchParams({ request, account: 'gus', decision: 'accept' }),
        redirect: 'manual',
      });
    expect((await post()).status).toBe(302);
    expect((await post()).status).toBe(400);
  });
});
