import { describe, expect, it } from 'vitest';
import { missingScopes, requiredScopes, SCOPES } from './scopes';

describe('scopes', () => {
  it.each([
    ['home', undefined, [SCOPES.execute, SCOPES.email]],
    ['action', 'refresh', [SCOPES.execute, SCOPES.email]],
    ['compose', undefined, [SCOPES.execute, SCOPES.email, SCOPES.compose]],
    ['action', 'send-with-sendwell', [SCOPES.execute, SCOPES.email, SCOPES.compose]],
  ])('%s %s needs', (trigger, action, expected) => {
    expect(requiredScopes(trigger, action)).toEqual(expected);
  });

  it.each([
    [undefined, []],
    [[SCOPES.execute, SCOPES.email, SCOPES.compose], []],
    [[SCOPES.execute], [SCOPES.email, SCOPES.compose]],
  ])('missing from %j', (authorized, expected) => {
    expect(missingScopes(requiredScopes('compose', undefined), authorized)).toEqual(expected);
  });
});
