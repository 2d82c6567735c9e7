import { GUID, urlProblem, urlsIn } from './problems';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);

const REQUIRED_STRINGS = [
  '$schema',
  'manifestVersion',
  'id',
  'version',
  'name.short',
  'name.full',
  'description.short',
  'description.full',
  'developer.name',
  'developer.websiteUrl',
  'developer.privacyUrl',
  'developer.termsOfUseUrl',
  'icons.color',
  'icons.outline',
  'accentColor',
];

/** Offline checks of the unified (JSON) manifest: the keys Microsoft requires and our own policies. */
export function checkOutlookJson(text: string): string[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    return [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (!isObject(manifest)) return ['the manifest must be a JSON object'];
  const problems = REQUIRED_STRINGS.filter(
    (path) => typeof at(manifest, path) !== 'string' || at(manifest, path) === '',
  ).map((path) => `missing required "${path}"`);
  problems.push(...valueProblems(manifest), ...extensionProblems(manifest));
  for (const { path, url } of urlsIn(manifest)) {
    if (path === '$schema') continue;
    const problem = urlProblem(url);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  return problems;
}

function valueProblems(manifest: Json): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const str = (path: string) =>
    typeof at(manifest, path) === 'string' ? (at(manifest, path) as string) : undefined;
  const manifestVersion = str('manifestVersion');
  if (manifestVersion !== undefined)
    check(
      /^1\.\d+$/.test(manifestVersion),
      `manifestVersion must be a released schema like "1.22", got "${manifestVersion}"`,
    );
  const schema = str('$schema');
  if (schema !== undefined)
    check(!/devpreview/i.test(schema), '$schema must not be the developer preview schema');
  const id = str('id');
  if (id !== undefined) check(GUID.test(id), `id must be a GUID, got "${id}"`);
  const version = str('version');
  if (version !== undefined)
    check(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version), `version must look like 1.0.0, got "${version}"`);
  const short = str('name.short');
  if (short !== undefined)
    check(short.length <= 30, `name.short must be at most 30 characters (${short.length})`);
  const description = str('description.short');
  if (description !== undefined)
    check(
      description.length <= 80,
      `description.short must be at most 80 characters (${description.length})`,
    );
  const accent = str('accentColor');
  if (accent !== undefined)
    check(/^#[0-9a-f]{6}$/i.test(accent), `accentColor must be #rrggbb, got "${accent}"`);
  return problems;
}

/** The add-in part: a mail extension, a task-pane runtime with a page, buttons whose actions exist. */
function extensionProblems(manifest: Json): string[] {
  const extensions = manifest.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0)
    return ['missing "extensions": the Outlook add-in part'];
  const problems: string[] = [];
  extensions.forEach((extension, i) => {
    const runtimes = isObject(extension) && Array.isArray(extension.runtimes) ? extension.runtimes : [];
    const ribbons = isObject(extension) && Array.isArray(extension.ribbons) ? extension.ribbons : [];
    if (runtimes.length === 0) problems.push(`extensions[${i}] has no runtimes`);
    if (ribbons.length === 0) problems.push(`extensions[${i}] has no ribbons`);
    const actions = new Set<string>();
    runtimes.forEach((runtime, r) => {
      if (typeof at(runtime, 'code.page') !== 'string')
        problems.push(`extensions[${i}].runtimes[${r}] has no code.page`);
      for (const action of isObject(runtime) && Array.isArray(runtime.actions) ? runtime.actions : []) {
        if (isObject(action) && typeof action.id === 'string') actions.add(action.id);
      }
    });
    for (const { path, value } of actionIds(ribbons, `extensions[${i}].ribbons`)) {
      if (!actions.has(value)) problems.push(`${path} "${value}" matches no runtime action`);
    }
    const composes = ribbons.some(
      (ribbon) =>
        isObject(ribbon) && Array.isArray(ribbon.contexts) && ribbon.contexts.includes('mailCompose'),
    );
    if (ribbons.length > 0 && !composes)
      problems.push(`extensions[${i}] has no ribbon for the "mailCompose" context`);
  });
  return problems;
}

function actionIds(value: unknown, path: string): { path: string; value: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => actionIds(item, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'actionId' && typeof item === 'string'
      ? [{ path: `${path}.actionId`, value: item }]
      : actionIds(item, `${path}.${key}`),
  );
}
