/** OAuth scopes the add-on's features need (deployment.json lists them; granular consent may grant fewer). */
export const SCOPES = {
  execute: 'https://www.googleapis.com/auth/gmail.addons.execute',
  compose: 'https://www.googleapis.com/auth/gmail.addons.current.action.compose',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/** Actions from the compose card: their events carry the draft's recipients (compose scope). */
const COMPOSE_ACTIONS = new Set([
  'insert-template',
  'send-with-sendwell',
  'send-draft',
  'compose-refresh',
  'template-recent',
  'campaign-add',
  'person-remove',
]);

/** Scopes a trigger/action needs: every request needs the user's email (the user ID token). */
export function requiredScopes(trigger: string, action: string | undefined): string[] {
  const composing =
    trigger === 'compose' || (trigger === 'action' && action !== undefined && COMPOSE_ACTIONS.has(action));
  return composing ? [SCOPES.execute, SCOPES.email, SCOPES.compose] : [SCOPES.execute, SCOPES.email];
}

/**
 * What the user has not granted. `authorizedScopes` is absent without granular consent, in which
 * case every deployment scope was granted at install.
 */
export function missingScopes(required: string[], authorized: string[] | undefined): string[] {
  if (!authorized) return [];
  const granted = new Set(authorized);
  return required.filter((scope) => !granted.has(scope));
}
