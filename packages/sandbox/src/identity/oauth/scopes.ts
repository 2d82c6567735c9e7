import { GRAPH_AUDIENCE } from '../identity';

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
/** What `https://graph.microsoft.com/.default` stands for: the registration's configured permissions. */
const GRAPH_DEFAULT_PERMISSIONS = ['Mail.Send', 'Mail.Read', 'User.Read'];

export type EntraScopes =
  | { ok: true; oidc: string[]; resource: string; resourceScopes: string[] }
  | { ok: false; code: 70011 | 28000; message: string };

/**
 * Entra v2 scopes: OIDC ones plus permissions of ONE resource (Graph when a permission has no
 * resource prefix). `Mail.Send` and `https://graph.microsoft.com/Mail.Send` are the same permission.
 */
export function parseEntraScopes(raw: string): EntraScopes {
  const oidc: string[] = [];
  const byResource = new Map<string, string[]>();
  for (const scope of raw.split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) {
      oidc.push(scope.toLowerCase());
      continue;
    }
    const slash = scope.lastIndexOf('/');
    const resource = slash > 0 ? scope.slice(0, slash) : GRAPH_AUDIENCE;
    const name = slash > 0 ? scope.slice(slash + 1) : scope;
    if (!/^[A-Za-z][\w.-]*$/.test(name))
      return {
        ok: false,
        code: 70011,
        message: `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid.`,
      };
    const names = name === '.default' && resource === GRAPH_AUDIENCE ? GRAPH_DEFAULT_PERMISSIONS : [name];
    byResource.set(resource, [...(byResource.get(resource) ?? []), ...names]);
  }
  if (byResource.size > 1)
    return {
      ok: false,
      code: 28000,
      message:
        'Provided value for the input parameter scope is not valid because it contains more than one resource.',
    };
  const [resource, resourceScopes] = [...byResource.entries()][0] ?? [GRAPH_AUDIENCE, []];
  if (!oidc.length && !resourceScopes.length)
    return {
      ok: false,
      code: 70011,
      message: "The provided value for the input parameter 'scope' is not valid.",
    };
  return { ok: true, oidc: [...new Set(oidc)], resource, resourceScopes: [...new Set(resourceScopes)] };
}

/** Graph permissions and OIDC scopes in the words of Microsoft's consent page. */
const MICROSOFT_WORDS: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
  'Mail.Send': 'Send mail as you',
  'Mail.Read': 'Read your mail',
  'Mail.ReadWrite': 'Read and write access to your mail',
  'Mail.ReadBasic': 'Read user basic mail',
  'User.Read': 'Sign you in and read your profile',
};

const GOOGLE_AUTH = 'https://www.googleapis.com/auth/';
/** Google scopes in the words of Google's consent screen. */
const GOOGLE_WORDS: Record<string, string> = {
  openid: 'Associate you with your personal info on Google',
  [`${GOOGLE_AUTH}userinfo.email`]: 'See your primary Google Account email address',
  [`${GOOGLE_AUTH}userinfo.profile`]:
    "See your personal info, including any personal info you've made publicly available",
  [`${GOOGLE_AUTH}gmail.send`]: 'Send email on your behalf',
  [`${GOOGLE_AUTH}gmail.readonly`]: 'View your email messages and settings',
  [`${GOOGLE_AUTH}gmail.compose`]: 'Manage drafts and send emails',
  [`${GOOGLE_AUTH}gmail.modify`]: 'Read, compose, and send emails from your Gmail account',
  [`${GOOGLE_AUTH}gmail.metadata`]:
    'View your email message metadata such as labels and headers, but not the email body',
  'https://mail.google.com/': 'Read, compose, send, and permanently delete all your email from Gmail',
};

export function describeMicrosoftScope(scope: string): string {
  return MICROSOFT_WORDS[scope] ?? scope;
}

/** Google's short aliases, as its authorization server expands them. */
export function normalizeGoogleScope(scope: string): string {
  if (scope === 'email') return `${GOOGLE_AUTH}userinfo.email`;
  if (scope === 'profile') return `${GOOGLE_AUTH}userinfo.profile`;
  return scope;
}

export function isKnownGoogleScope(scope: string): boolean {
  return scope in GOOGLE_WORDS;
}

export function describeGoogleScope(scope: string): string {
  return GOOGLE_WORDS[scope] ?? scope;
}
