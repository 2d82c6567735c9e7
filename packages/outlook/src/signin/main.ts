import { PublicClientApplication } from '@azure/msal-browser';
import { loadAuthConfig } from '../office/authConfig';
import { runDialogSignIn } from './signIn';

/** Entry of signin.html: office.js (from the CDN) must be ready before `messageParent` may be called. */
async function start() {
  const office = (window as unknown as { Office?: typeof Office }).Office;
  if (!office) return; // opened outside Office: nothing to answer to
  await office.onReady();
  const redirectUri = `${location.origin}${location.pathname}`;
  await runDialogSignIn({
    loadConfig: () => loadAuthConfig(''),
    createClient: async (config) => {
      const client = new PublicClientApplication({
        auth: { clientId: config.clientId, authority: config.authority, redirectUri },
        cache: { cacheLocation: 'localStorage' },
      });
      await client.initialize();
      return client;
    },
    messageParent: (message) => office.context.ui.messageParent(message),
  });
}

start();
