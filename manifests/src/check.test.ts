import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkManifestFiles, checkManifests } from './check';
import { type ManifestFile, renderManifests } from './render';

const BASE = 'https://sendwell.example.com';
const rendered = renderManifests({ baseUrl: BASE });

type Mutation = [name: string, file: ManifestFile, mutate: (text: string) => string, expected: RegExp];

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`mutation did not apply: ${from}`);
  return next;
};
// biome-ignore lint/suspicious/noExplicitAny: mutations reach anywhere into the manifest JSON
const editJson = (edit: (json: any) => void) => (text: string) => {
  const json = JSON.parse(text);
  edit(json);
  return JSON.stringify(json);
};

const XML: Mutation[] = [
  ['malformed XML', 'outlook/manifest.xml', replace('</OfficeApp>', '</OfficeAp>'), /not well-formed XML/],
  ['missing Id', 'outlook/manifest.xml', replace(/<Id>[^<]*<\/Id>/, ''), /missing required <Id>/],
  [
    'Id not a GUID',
    'outlook/manifest.xml',
    replace(/<Id>[^<]*<\/Id>/, '<Id>sendwell</Id>'),
    /<Id> must be a GUID/,
  ],
  [
    'bad version',
    'outlook/manifest.xml',
    replace('<Version>1.0.0.0</Version>', '<Version>v1</Version>'),
    /<Version> must look like 1\.0\.0\.0/,
  ],
  [
    'elements out of order',
    'outlook/manifest.xml',
    replace(/(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, '$3$2$1'),
    /<Version> must come before <ProviderName>/,
  ],
  [
    'Permissions after Rule',
    'outlook/manifest.xml',
    replace(/(\s*<Permissions>ReadWriteItem<\/Permissions>)([\s\S]*?<\/Rule>)/, '$2$1'),
    /<Permissions> must come before <Rule>/,
  ],
  [
    'unknown element',
    'outlook/manifest.xml',
    replace('<Hosts>', '<Bogus/><Hosts>'),
    /unexpected <Bogus> inside <OfficeApp>/,
  ],
  [
    'http icon on a public host',
    'outlook/manifest.xml',
    replace(`<IconUrl DefaultValue="${BASE}`, '<IconUrl DefaultValue="http://cdn.example.com'),
    /<IconUrl> "http:\/\/cdn\.example\.com.*must use https/,
  ],
  [
    'missing icon URL',
    'outlook/manifest.xml',
    replace(/<HighResolutionIconUrl DefaultValue="[^"]*"\/>/, '<HighResolutionIconUrl/>'),
    /<HighResolutionIconUrl> needs an icon URL/,
  ],
  [
    'AppDomain without scheme',
    'outlook/manifest.xml',
    replace(`<AppDomain>${BASE}</AppDomain>`, '<AppDomain>sendwell.example.com</AppDomain>'),
    /<AppDomain> "sendwell\.example\.com" is not a URL/,
  ],
  [
    'resid pointing nowhere',
    'outlook/manifest.xml',
    replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Nowhere.Url"/>'),
    /<SourceLocation resid="Nowhere\.Url"> points to no resource/,
  ],
  [
    'resid into the wrong list',
    'outlook/manifest.xml',
    replace('<Label resid="Button.Label"/>', '<Label resid="Button.Tooltip"/>'),
    /must point into <bt:ShortStrings>, not <bt:LongStrings>/,
  ],
  [
    'duplicate resource id',
    'outlook/manifest.xml',
    replace('<bt:String id="Button.Label"', '<bt:String id="Group.Label"'),
    /"Group\.Label" is defined twice/,
  ],
  [
    'no Mailbox MinVersion',
    'outlook/manifest.xml',
    replace('<Set Name="Mailbox" MinVersion="1.1"/>', '<Set Name="Mailbox"/>'),
    /Mailbox requirement set needs MinVersion/,
  ],
  [
    'no Mailbox set',
    'outlook/manifest.xml',
    replace('<Set Name="Mailbox" MinVersion="1.1"/>', ''),
    /must name the Mailbox requirement set/,
  ],
  [
    'invalid permission',
    'outlook/manifest.xml',
    replace('<Permissions>ReadWriteItem</Permissions>', '<Permissions>Everything</Permissions>'),
    /<Permissions> must be one of/,
  ],
  [
    'no compose surface',
    'outlook/manifest.xml',
    replace('MessageComposeCommandSurface', 'MessageReadCommandSurface'),
    /compose button is missing/,
  ],
  [
    'ribbon icon size missing',
    'outlook/manifest.xml',
    replace(/\s*<bt:Image size="80" resid="Icon\.80x80"\/>/, ''),
    /missing icon sizes 80/,
  ],
  [
    'not a mail add-in',
    'outlook/manifest.xml',
    replace('xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'),
    /xsi:type="MailApp"/,
  ],
];

const JSON_MANIFEST: Mutation[] = [
  ['invalid JSON', 'outlook/manifest.json', (t) => t.slice(0, -3), /not valid JSON/],
  [
    'missing privacy URL',
    'outlook/manifest.json',
    editJson((j) => delete j.developer.privacyUrl),
    /missing required "developer\.privacyUrl"/,
  ],
  [
    'developer preview schema',
    'outlook/manifest.json',
    editJson((j) => {
      j.manifestVersion = 'devPreview';
    }),
    /manifestVersion must be a released schema/,
  ],
  [
    'id not a GUID',
    'outlook/manifest.json',
    editJson((j) => {
      j.id = 'sendwell';
    }),
    /id must be a GUID/,
  ],
  [
    'four-part version',
    'outlook/manifest.json',
    editJson((j) => {
      j.version = '1.0.0.0';
    }),
    /version must look like 1\.0\.0/,
  ],
  [
    'short name too long',
    'outlook/manifest.json',
    editJson((j) => {
      j.name.short = 'x'.repeat(31);
    }),
    /name\.short must be at most 30/,
  ],
  [
    'http task pane',
    'outlook/manifest.json',
    editJson((j) => {
      j.extensions[0].runtimes[0].code.page = 'http://sendwell.example.com/outlook/taskpane.html';
    }),
    /runtimes\[0\]\.code\.page: .*must use https/,
  ],
  [
    'button action that does not exist',
    'outlook/manifest.json',
    editJson((j) => {
      j.extensions[0].runtimes[0].actions[0].id = 'Other';
    }),
    /actionId "SendwellTaskPaneShow" matches no runtime action/,
  ],
  [
    'no compose ribbon',
    'outlook/manifest.json',
    editJson((j) => {
      j.extensions[0].ribbons[0].contexts = ['mailRead'];
    }),
    /no ribbon for the "mailCompose" context/,
  ],
  ['no extensions', 'outlook/manifest.json', editJson((j) => delete j.extensions), /missing "extensions"/],
];

const DEPLOYMENT: Mutation[] = [
  ['invalid JSON', 'gmail/deployment.json', () => '{', /not valid JSON/],
  [
    'no compose trigger',
    'gmail/deployment.json',
    editJson((j) => delete j.addOns.gmail.composeTrigger),
    /missing "addOns\.gmail\.composeTrigger"/,
  ],
  [
    'compose without actions',
    'gmail/deployment.json',
    editJson((j) => {
      j.addOns.gmail.composeTrigger.actions = [];
    }),
    /composeTrigger has no actions/,
  ],
  [
    'no draft metadata',
    'gmail/deployment.json',
    editJson((j) => {
      j.addOns.gmail.composeTrigger.draftAccess = 'NONE';
    }),
    /draftAccess must be METADATA/,
  ],
  [
    'scanner scope missing',
    'gmail/deployment.json',
    editJson((j) => {
      j.oauthScopes = j.oauthScopes.filter((s: string) => !s.endsWith('gmail.readonly'));
    }),
    /oauthScopes is missing https:\/\/www\.googleapis\.com\/auth\/gmail\.readonly/,
  ],
  [
    'compose scope missing',
    'gmail/deployment.json',
    editJson((j) => {
      j.oauthScopes = j.oauthScopes.filter((s: string) => !s.endsWith('action.compose'));
    }),
    /oauthScopes is missing .*action\.compose/,
  ],
  [
    'http trigger',
    'gmail/deployment.json',
    editJson((j) => {
      j.addOns.common.homepageTrigger.runFunction = 'http://sendwell.example.com/gmail/addon?t=home';
    }),
    /homepageTrigger\.runFunction: .*must use https/,
  ],
  [
    'Apps Script function name as trigger',
    'gmail/deployment.json',
    editJson((j) => {
      j.addOns.gmail.contextualTriggers[0].onTriggerFunction = 'onGmailMessage';
    }),
    /trigger "onGmailMessage" must be a full https URL/,
  ],
  [
    'unsigned requests',
    'gmail/deployment.json',
    editJson((j) => {
      j.addOns.httpOptions.authorizationHeader = 'NONE';
    }),
    /authorizationHeader NONE/,
  ],
  [
    'no homepage',
    'gmail/deployment.json',
    editJson((j) => delete j.addOns.common.homepageTrigger),
    /homepageTrigger\.runFunction/,
  ],
];

describe('checkManifestFiles catches each kind of breakage', () => {
  it.each([...XML, ...JSON_MANIFEST, ...DEPLOYMENT])('%s (%s)', (_name, file, mutate, expected) => {
    const result = checkManifestFiles({ ...rendered, [file]: mutate(rendered[file]) });
    expect(result.ok).toBe(false);
    expect(result.problems.every((p) => p.file === file)).toBe(true);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(expected);
  });

  it('reports a missing file', () => {
    const { 'gmail/deployment.json': _, ...rest } = rendered;
    expect(checkManifestFiles(rest).problems).toEqual([
      { file: 'gmail/deployment.json', message: 'file is missing' },
    ]);
  });

  it('accepts http on localhost and 127.0.0.1 only', () => {
    expect(checkManifestFiles(renderManifests({ baseUrl: 'http://127.0.0.1:5173' })).ok).toBe(true);
    const publicHttp = checkManifestFiles(renderManifests({ baseUrl: 'http://sendwell.example.com' }));
    expect(publicHttp.ok).toBe(false);
    expect(new Set(publicHttp.problems.map((p) => p.file))).toEqual(
      new Set(['outlook/manifest.xml', 'outlook/manifest.json', 'gmail/deployment.json']),
    );
  });
});

describe('checkManifests(dir)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sendwell-manifests-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the rendered layout from disk', () => {
    for (const [file, text] of Object.entries(rendered)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    expect(checkManifests(dir)).toEqual({ ok: true, problems: [] });
    writeFileSync(
      join(dir, 'outlook/manifest.xml'),
      rendered['outlook/manifest.xml'].replace('<Id>', '<Id>x'),
    );
    expect(checkManifests(dir).problems).toEqual([
      { file: 'outlook/manifest.xml', message: expect.stringMatching(/<Id> must be a GUID/) },
    ]);
  });

  it('reports every file missing in an empty directory', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sendwell-empty-'));
    expect(checkManifests(empty).problems.map((p) => p.message)).toEqual([
      'file is missing',
      'file is missing',
      'file is missing',
    ]);
    rmSync(empty, { recursive: true });
  });
});
