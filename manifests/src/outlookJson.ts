import { type Environment, uuidV5 } from './environment';
import { SOURCE } from './source';

const UNIFIED_MANIFEST_VERSION = '1.22';
const UNIFIED_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

const TASKPANE_ACTION = 'SendwellTaskPaneShow';

/**
 * The unified manifest for Microsoft 365 (JSON, GA schema, no devPreview): the same compose button and
 * task pane. Optional beside the XML one: not supported in Outlook on Mac or in perpetual Office.
 * Its id differs from the XML add-in's, and `alternates.hide` hides the XML one where both are installed.
 */
export function renderOutlookJson(env: Environment): string {
  const icons = SOURCE.icons.ribbon.map((size) => ({ size, url: env.url(SOURCE.icons.path(size)) }));
  const mailbox = [{ name: 'Mailbox', minVersion: SOURCE.outlook.commandsMinVersion }];
  const manifest = {
    $schema: UNIFIED_SCHEMA,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    id: uuidV5(env.id, 'unified-manifest'),
    version: SOURCE.version,
    name: { short: env.displayName.slice(0, 30), full: SOURCE.name.full },
    description: { short: SOURCE.description.short.slice(0, 80), full: SOURCE.description.full },
    developer: {
      name: SOURCE.provider,
      websiteUrl: env.url('/'),
      privacyUrl: env.url(SOURCE.paths.privacy),
      termsOfUseUrl: env.url(SOURCE.paths.terms),
    },
    icons: { color: SOURCE.icons.color, outline: SOURCE.icons.outline },
    accentColor: SOURCE.accentColor,
    localizationInfo: { defaultLanguageTag: SOURCE.locale.toLowerCase(), additionalLanguages: [] },
    authorization: {
      permissions: { resourceSpecific: [{ name: SOURCE.outlook.unifiedPermission, type: 'Delegated' }] },
    },
    validDomains: [env.host],
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: mailbox },
        runtimes: [
          {
            requirements: { capabilities: mailbox },
            id: 'SendwellTaskPaneRuntime',
            type: 'general',
            code: { page: env.url(SOURCE.paths.taskpane) },
            lifetime: 'short',
            actions: [{ id: TASKPANE_ACTION, type: 'openPage', pinnable: false, view: 'dashboard' }],
          },
        ],
        ribbons: [
          {
            contexts: ['mailCompose'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'sendwellComposeGroup',
                    label: SOURCE.outlook.groupLabel,
                    icons,
                    controls: [
                      {
                        id: 'sendwellOpenPane',
                        type: 'button',
                        label: SOURCE.outlook.buttonLabel,
                        icons,
                        supertip: {
                          title: SOURCE.outlook.buttonLabel,
                          description: SOURCE.outlook.buttonTooltip,
                        },
                        actionId: TASKPANE_ACTION,
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: env.id } } }],
      },
    ],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
