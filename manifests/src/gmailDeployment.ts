import type { Environment } from './environment';
import { SOURCE } from './source';

/** Where Google's OAuth consent lives (the authorization URL the add-on's Connect button opens). */
const GOOGLE_CONSENT_PREFIX = 'https://accounts.google.com/';

/**
 * The Gmail HTTP add-on deployment (`gcloud workspace-add-ons deployments create ID
 * --deployment-file=deployment.json`). Every trigger is one endpoint with `?t=`; Google signs each
 * request with a system ID token that the server verifies.
 */
export function renderGmailDeployment(env: Environment): string {
  const addon = (trigger: string) => env.url(`${SOURCE.paths.gmailAddon}?t=${trigger}`);
  const logoUrl = env.url(SOURCE.icons.path(SOURCE.icons.highResolution));
  const deployment = {
    oauthScopes: [...SOURCE.gmail.scopes],
    addOns: {
      common: {
        name: env.displayName,
        logoUrl,
        layoutProperties: { primaryColor: SOURCE.accentColor },
        useLocaleFromApp: true,
        homepageTrigger: { runFunction: addon('home'), enabled: true },
        universalActions: [{ label: 'Help', openLink: env.url(SOURCE.paths.support) }],
        // The Connect Gmail button opens Google's consent page, then lands on our callback.
        openLinkUrlPrefixes: [`${env.baseUrl}/`, GOOGLE_CONSENT_PREFIX],
      },
      gmail: {
        contextualTriggers: [{ unconditional: {}, onTriggerFunction: addon('open') }],
        composeTrigger: {
          actions: [{ runFunction: addon('compose'), label: SOURCE.gmail.composeLabel, logoUrl }],
          draftAccess: SOURCE.gmail.draftAccess,
        },
      },
      httpOptions: { authorizationHeader: 'SYSTEM_ID_TOKEN', granularOauthPermissionSupport: 'OPT_IN' },
    },
  };
  return `${JSON.stringify(deployment, null, 2)}\n`;
}
