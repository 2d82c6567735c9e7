import { describe, expect, it } from 'vitest';
import { checkManifestFiles } from './check';
import { environmentFor, uuidV5 } from './environment';
import { renderManifests } from './render';
import { SOURCE } from './source';
import { unifiedSchemaValidator } from './unifiedSchema.testkit';

const PROD = 'https://sendwell.example.com';
const LOCAL = 'http://localhost:8787';

describe('renderManifests', () => {
  it.each([PROD, LOCAL, 'https://mail.example.org:8443/sendwell/'])(
    'renders manifests for %s that pass our checks',
    (baseUrl) => {
      expect(checkManifestFiles(renderManifests({ baseUrl }))).toEqual({ ok: true, problems: [] });
    },
  );

  it.each([PROD, LOCAL])('renders a unified manifest for %s that passes the v1.22 JSON schema', (baseUrl) => {
    const validate = unifiedSchemaValidator('1.22');
    expect(validate(JSON.parse(renderManifests({ baseUrl })['outlook/manifest.json']))).toEqual([]);
  });

  it('points the compose button, icons and domains at the base URL', () => {
    const xml = renderManifests({ baseUrl: `${PROD}/` })['outlook/manifest.xml'];
    expect(xml).toContain('<ExtensionPoint xsi:type="MessageComposeCommandSurface">');
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${PROD}/outlook/taskpane.html"/>`);
    expect(xml).toContain(`<IconUrl DefaultValue="${PROD}/assets/icon-64.png"/>`);
    expect(xml).toContain(`<HighResolutionIconUrl DefaultValue="${PROD}/assets/icon-128.png"/>`);
    for (const size of [16, 32, 80]) expect(xml).toContain(`DefaultValue="${PROD}/assets/icon-${size}.png"`);
    expect(xml).toContain(`<AppDomain>${PROD}</AppDomain>`);
    expect(xml).toContain('<Permissions>ReadWriteItem</Permissions>');
    expect(xml).toContain('<Set Name="Mailbox" MinVersion="1.1"/>');
  });

  it('gives the Gmail deployment every trigger, the compose scope, the scanner scope and signed requests', () => {
    const deployment = JSON.parse(renderManifests({ baseUrl: PROD })['gmail/deployment.json']);
    expect(deployment.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
        'https://www.googleapis.com/auth/gmail.readonly',
      ]),
    );
    expect(deployment.addOns.common.homepageTrigger.runFunction).toBe(`${PROD}/gmail/addon?t=home`);
    expect(deployment.addOns.gmail.contextualTriggers[0].onTriggerFunction).toBe(
      `${PROD}/gmail/addon?t=open`,
    );
    expect(deployment.addOns.gmail.composeTrigger).toMatchObject({
      actions: [{ runFunction: `${PROD}/gmail/addon?t=compose` }],
      draftAccess: 'METADATA',
    });
    expect(deployment.addOns.httpOptions.authorizationHeader).toBe('SYSTEM_ID_TOKEN');
    // Connect Gmail opens Google's consent page: Gmail only opens links under these prefixes.
    const prefixes: string[] = deployment.addOns.common.openLinkUrlPrefixes;
    const consent = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x';
    expect(prefixes.some((prefix) => consent.startsWith(prefix))).toBe(true);
    expect(prefixes.some((prefix) => `${PROD}/connect/callback/google`.startsWith(prefix))).toBe(true);
  });

  it('uses the production id in production and a stable, distinct id and name elsewhere', () => {
    expect(environmentFor({ baseUrl: PROD })).toMatchObject({
      id: SOURCE.productionId,
      displayName: 'Sendwell',
      production: true,
    });
    const local = environmentFor({ baseUrl: LOCAL });
    expect(local).toMatchObject({ production: false, displayName: 'Sendwell (localhost:8787)' });
    expect(local.id).not.toBe(SOURCE.productionId);
    expect(environmentFor({ baseUrl: `${LOCAL}/` }).id).toBe(local.id);
    expect(environmentFor({ baseUrl: 'http://localhost:9999' }).id).not.toBe(local.id);
  });

  it('renders the same bytes for the same input', () => {
    expect(renderManifests({ baseUrl: PROD })).toEqual(renderManifests({ baseUrl: PROD }));
  });

  it('computes RFC 4122 version 5 UUIDs', () => {
    // The RFC's DNS namespace example: uuid5(NAMESPACE_DNS, "www.example.com").
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it.each(['not a url', 'ftp://example.com'])('refuses the base URL %s', (baseUrl) => {
    expect(() => renderManifests({ baseUrl })).toThrow(TypeError);
  });
});
