import type { z } from 'zod';
import type {
  connectionInfoSchema,
  connectionsAnswerSchema,
  connectStartSchema,
} from '../api/v1/connections';

/**
 * A rep's connection to their own mailbox, as its life goes:
 * connected → needs-reconnect (the provider stopped honouring the grant) → connected again after a
 * reconnect; or disconnected by the rep, or disabled by a team admin. Only `connected` sends.
 */
export type ConnectionState = 'connected' | 'needs-reconnect' | 'disconnected' | 'disabled';

/**
 * Why a connection needs reconnecting, as data (the voice words it):
 * - `grant-revoked`: the provider answered `invalid_grant` for a revoked or unknown refresh token;
 * - `consent-revoked`: the user or an admin withdrew consent (`consent_required`, AADSTS65001);
 * - `password-changed`: the refresh token died with a password change or reset (AADSTS50173);
 * - `grant-expired`: unused for too long (AADSTS700082, Google's 6-month rule);
 * - `token-rejected`: the mailbox API refused a fresh access token (401 after a refresh);
 * - `password-rejected`: Exchange Server refused the stored username and password (401).
 */
export type ConnectionProblem =
  | 'grant-revoked'
  | 'consent-revoked'
  | 'password-changed'
  | 'grant-expired'
  | 'token-rejected'
  | 'password-rejected';

/** What happened to a connection: the lifecycle's inputs. */
export type ConnectionChange =
  | { type: 'connected' }
  | { type: 'lost'; problem: ConnectionProblem }
  | { type: 'disconnected-by-rep' }
  | { type: 'disabled-by-admin' }
  | { type: 'enabled-by-admin' };

/** Feed event types of a connection's life (one per change that happened). */
export type ConnectionEventType =
  | 'connection.connected'
  | 'connection.reconnected'
  | 'connection.needs-reconnect'
  | 'connection.disconnected'
  | 'connection.disabled'
  | 'connection.enabled';

/** The identity providers a rep signs in and connects with. */
export type OAuthProvider = 'microsoft' | 'google';

/** `GET /api/v1/connections`: one mailbox connection (its schema is in `api/v1/connections`). */
export type ConnectionInfo = z.infer<typeof connectionInfoSchema>;
/** `GET /api/v1/connections`: the caller's mailboxes and what they can connect. */
export type ConnectionsAnswer = z.infer<typeof connectionsAnswerSchema>;
/** `POST /api/v1/connections/{provider}/start`: where to send the rep's browser to consent. */
export type ConnectStart = z.infer<typeof connectStartSchema>;
