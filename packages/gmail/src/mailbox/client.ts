import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import { type AccessTokenSource, MailboxAuthError } from '@sendwell/core';
import { errorFacts, isUnauthorized } from './gmailErrors';

export const GOOGLE_ROOT_URL = 'https://gmail.googleapis.com/';

/**
 * Google's OAuth 2.0 client (google-auth-library's OAuth2Client), taken from `@googleapis/gmail`'s
 * `auth` re-export so there is one copy of google-auth-library: a second one breaks the types
 * (TS2769, "separate declarations of a private property"). The server's Google connection uses it.
 */
export const GoogleOAuth2: typeof auth.OAuth2 = auth.OAuth2;
export type GoogleOAuth2 = InstanceType<typeof auth.OAuth2>;

/** A Gmail API client and the per-call options every request must carry. */
export interface GmailClient {
  api: gmail_v1.Gmail;
  call: { rootUrl: string };
}

/** Runs some Gmail API calls with the mailbox's token (see `gmailCaller`). */
export type GmailCall = <T>(request: (client: GmailClient) => Promise<T>) => Promise<T>;

/**
 * `rootUrl` goes both to the API and to every call: googleapis-common rebuilds URLs from the
 * API-level rootUrl with `new URL(path, root)`, which would drop a path prefix such as
 * `/sandbox/google/` unless the per-call URL carries it too.
 */
function clientWith(accessToken: string, rootUrl: string): GmailClient {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: accessToken });
  return { api: gmail({ version: 'v1', auth: oauth, rootUrl }), call: { rootUrl } };
}

/**
 * The one place the Gmail adapters meet a 401. Each run gets a fresh client with the current token
 * (the server refreshes it); when Gmail answers 401 the source is asked once with `forceRefresh`
 * and the request runs once more; a second 401 throws `MailboxAuthError('token-rejected')`. What
 * the token source throws propagates unchanged. A request that handles its own errors must let a
 * 401 through. Our own retry, not OAuth2Client's: that one also refreshes on 403 (Gmail's quota
 * answers) and would hide the second 401 we have to report.
 */
export function gmailCaller(getToken: AccessTokenSource, rootUrl: string): GmailCall {
  return async (request) => {
    const first = clientWith(await getToken(), rootUrl);
    try {
      return await request(first);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
    }
    const retry = clientWith(await getToken({ forceRefresh: true }), rootUrl);
    try {
      return await request(retry);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      throw new MailboxAuthError(
        'token-rejected',
        `Gmail refused a freshly refreshed token: ${errorFacts(error).message}`,
      );
    }
  };
}
