import { GUID, urlProblem } from './problems';
import { child, parseXml, walk, type XmlElement } from './xmlTree';

/** Child order from the manifest XSDs (base OfficeApp, then the MailApp extension). */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'FormSettings',
    'Permissions',
    'Rule',
    'DisableEntityHighlighting',
    'VersionOverrides',
  ],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'WebApplicationInfo',
    'ExtendedPermissions',
    'VersionOverrides',
  ],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action', 'Items'],
  Supertip: ['Title', 'Description'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

const REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'Requirements',
  'FormSettings',
  'Permissions',
  'Rule',
  'VersionOverrides',
];
const PERMISSIONS = ['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'];
const URL_ELEMENTS = new Set([
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'SourceLocation',
  'bt:Image',
  'bt:Url',
]);
const RIBBON_ICON_SIZES = ['16', '32', '80'];
/** Which resource list a `resid` on each element must point into. */
const RESID_KIND: Record<string, string> = {
  'bt:Image': 'bt:Images',
  SourceLocation: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  Runtime: 'bt:Urls',
  Override: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

/** Offline structural checks of an Outlook XML (MailApp) manifest; messages name the element. */
export function checkOutlookXml(text: string): string[] {
  const parsed = parseXml(text);
  if (!parsed.ok) return [parsed.message];
  const root = parsed.root;
  if (root.name !== 'OfficeApp') return [`root element is <${root.name}>, expected <OfficeApp>`];
  return [
    ...(root.attrs['xsi:type'] === 'MailApp' ? [] : ['<OfficeApp> must have xsi:type="MailApp"']),
    ...REQUIRED.filter((name) => !child(root, name)).map(
      (name) => `<OfficeApp> is missing required <${name}>`,
    ),
    ...orderProblems(root),
    ...identityProblems(root),
    ...mailboxProblems(root),
    ...urlProblems(root),
    ...composeProblems(root),
    ...residProblems(root),
  ];
}

function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  walk(root, (element, path) => {
    const order = ORDER[element.name];
    if (!order) return;
    let last = -1;
    let lastName = '';
    for (const c of element.children) {
      const index = order.indexOf(c.name);
      if (index < 0) problems.push(`unexpected <${c.name}> inside <${path.join('/')}>`);
      else if (index < last)
        problems.push(`<${c.name}> must come before <${lastName}> inside <${path.join('/')}>`);
      else [last, lastName] = [index, c.name];
    }
  });
  return problems;
}

function identityProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const id = child(root, 'Id')?.text ?? '';
  if (child(root, 'Id') && !GUID.test(id)) problems.push(`<Id> must be a GUID, got "${id}"`);
  const version = child(root, 'Version')?.text ?? '';
  if (child(root, 'Version') && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    problems.push(`<Version> must look like 1.0.0.0, got "${version}"`);
  for (const name of ['DisplayName', 'Description']) {
    const element = child(root, name);
    if (element && !element.attrs.DefaultValue?.trim()) problems.push(`<${name}> needs a DefaultValue`);
  }
  const permissions = child(root, 'Permissions')?.text;
  if (permissions !== undefined && !PERMISSIONS.includes(permissions))
    problems.push(`<Permissions> must be one of ${PERMISSIONS.join(', ')}, got "${permissions}"`);
  return problems;
}

function mailboxProblems(root: XmlElement): string[] {
  const sets = child(child(root, 'Requirements'), 'Sets')?.children ?? [];
  const mailbox = sets.find((s) => s.name === 'Set' && s.attrs.Name?.toLowerCase() === 'mailbox');
  if (!mailbox) return ['<Requirements> must name the Mailbox requirement set'];
  const min = mailbox.attrs.MinVersion;
  return min && /^1\.\d{1,2}$/.test(min)
    ? []
    : [`Mailbox requirement set needs MinVersion like "1.1", got "${min ?? ''}"`];
}

function urlProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  walk(root, (element) => {
    if (URL_ELEMENTS.has(element.name) && element.attrs.DefaultValue !== undefined) {
      const problem = urlProblem(element.attrs.DefaultValue);
      if (problem) problems.push(`<${element.name}> ${problem}`);
    }
    if (
      (element.name === 'IconUrl' || element.name === 'HighResolutionIconUrl') &&
      !element.attrs.DefaultValue
    ) {
      problems.push(`<${element.name}> needs an icon URL in DefaultValue`);
    }
    if (element.name === 'AppDomain') {
      const problem = urlProblem(element.text);
      if (problem) problems.push(`<AppDomain> ${problem}`);
    }
  });
  return problems;
}

function composeProblems(root: XmlElement): string[] {
  const surfaces: XmlElement[] = [];
  walk(root, (element) => {
    if (element.name === 'ExtensionPoint' && element.attrs['xsi:type'] === 'MessageComposeCommandSurface')
      surfaces.push(element);
  });
  if (surfaces.length === 0)
    return ['no <ExtensionPoint xsi:type="MessageComposeCommandSurface">: the compose button is missing'];
  const problems: string[] = [];
  for (const surface of surfaces) {
    walk(surface, (element) => {
      if (element.name !== 'Control') return;
      const sizes = (child(element, 'Icon')?.children ?? []).map((image) => image.attrs.size ?? '');
      const missing = RIBBON_ICON_SIZES.filter((size) => !sizes.includes(size));
      if (missing.length > 0)
        problems.push(`button "${element.attrs.id ?? ''}" is missing icon sizes ${missing.join(', ')}`);
      if (!child(child(element, 'Action'), 'SourceLocation'))
        problems.push(`button "${element.attrs.id ?? ''}" has no <Action>/<SourceLocation>`);
    });
  }
  return problems;
}

function residProblems(root: XmlElement): string[] {
  const defined = new Map<string, string>();
  const problems: string[] = [];
  walk(root, (element, path) => {
    const list = path.at(-2);
    if (element.attrs.id === undefined || !list || !list.startsWith('bt:') || path.at(-3) !== 'Resources')
      return;
    if (defined.has(element.attrs.id)) problems.push(`resource id "${element.attrs.id}" is defined twice`);
    defined.set(element.attrs.id, list);
  });
  walk(root, (element) => {
    const resid = element.attrs.resid;
    if (resid === undefined) return;
    if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
    const kind = defined.get(resid);
    const expected = RESID_KIND[element.name];
    if (!kind) problems.push(`<${element.name} resid="${resid}"> points to no resource`);
    else if (expected && kind !== expected)
      problems.push(`<${element.name} resid="${resid}"> must point into <${expected}>, not <${kind}>`);
  });
  return problems;
}
