import { REQUIRED_GMAIL_SCOPES } from '../source';
import { urlProblem, urlsIn } from './problems';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);

const AUTH_HEADERS = ['SYSTEM_ID_TOKEN', 'USER_ID_TOKEN', 'NONE'];

/** Offline checks of a Gmail HTTP add-on deployment.json. */
export function checkGmailDeployment(text: string): string[] {
  let deployment: unknown;
  try {
    deployment = JSON.parse(text);
  } catch (error) {
    return [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (!isObject(deployment)) return ['the deployment must be a JSON object'];
  return [...scopeProblems(deployment), ...triggerProblems(deployment), ...urlProblems(deployment)];
}

function scopeProblems(deployment: Json): string[] {
  const scopes = Array.isArray(deployment.oauthScopes) ? deployment.oauthScopes : null;
  if (!scopes) return ['missing "oauthScopes" (HTTP add-ons must list every scope)'];
  return REQUIRED_GMAIL_SCOPES.filter((scope) => !scopes.includes(scope)).map(
    (scope) => `oauthScopes is missing ${scope}`,
  );
}

function triggerProblems(deployment: Json): string[] {
  const problems: string[] = [];
  if (typeof at(deployment, 'addOns.common.name') !== 'string') problems.push('missing "addOns.common.name"');
  if (typeof at(deployment, 'addOns.common.homepageTrigger.runFunction') !== 'string') {
    problems.push('missing "addOns.common.homepageTrigger.runFunction" (the sidebar home card)');
  }
  const compose = at(deployment, 'addOns.gmail.composeTrigger');
  const actions = isObject(compose) && Array.isArray(compose.actions) ? compose.actions : [];
  if (!isObject(compose))
    problems.push('missing "addOns.gmail.composeTrigger": Sendwell needs the compose window');
  else if (actions.length === 0) problems.push('composeTrigger has no actions');
  actions.forEach((action, i) => {
    if (typeof at(action, 'runFunction') !== 'string')
      problems.push(`composeTrigger.actions[${i}] has no runFunction`);
    if (typeof at(action, 'label') !== 'string') problems.push(`composeTrigger.actions[${i}] has no label`);
  });
  if (isObject(compose) && compose.draftAccess !== 'METADATA') {
    problems.push(
      `composeTrigger.draftAccess must be METADATA (Sendwell reads the draft's recipients), got "${String(compose.draftAccess)}"`,
    );
  }
  const header = at(deployment, 'addOns.httpOptions.authorizationHeader');
  if (header !== undefined && !AUTH_HEADERS.includes(String(header)))
    problems.push(`httpOptions.authorizationHeader must be one of ${AUTH_HEADERS.join(', ')}`);
  if (header === 'NONE')
    problems.push(
      'httpOptions.authorizationHeader NONE would let anyone call the add-on; use SYSTEM_ID_TOKEN',
    );
  return problems;
}

function urlProblems(deployment: Json): string[] {
  const problems: string[] = [];
  for (const { path, url } of urlsIn(deployment.addOns ?? {}, 'addOns')) {
    const problem = urlProblem(url);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  // Trigger endpoints must be full URLs in an HTTP add-on (function names are Apps Script only).
  const endpoints =
    JSON.stringify(deployment.addOns ?? {}).match(/"(runFunction|onTriggerFunction)":"([^"]*)"/g) ?? [];
  for (const entry of endpoints) {
    const value = entry.split('":"')[1]?.slice(0, -1) ?? '';
    if (!/^https?:\/\//.test(value)) problems.push(`trigger "${value}" must be a full https URL`);
  }
  return problems;
}
