import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';

export const GOOGLE_ROOT_URL = 'https://gmail.googleapis.com/';

/** A Gmail API client and the per-call options every request must carry. */
export interface GmailClient {
  api: gmail_v1.Gmail;
  call: { rootUrl: string };
}

/**
 * A client per call, so a refreshed token is always used. `rootUrl` goes both to the API and to
 * every call: googleapis-common rebuilds URLs from the API-level rootUrl with `new URL(path, root)`,
 * which would drop a path prefix such as `/sandbox/google/` unless the per-call URL carries it too.
 */
export async function gmailClient(getToken: () => Promise<string>, rootUrl: string): Promise<GmailClient> {
  const oauth = new auth.OAuth2();
  oauth.setCredentials({ access_token: await getToken() });
  return { api: gmail({ version: 'v1', auth: oauth, rootUrl }), call: { rootUrl } };
}
