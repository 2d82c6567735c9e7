import { z } from 'zod';
import type { ProviderKind } from '../../channel/types';
import type { ConnectionEventType, ConnectionProblem, ConnectionState } from '../../connection/types';
import { isoTime } from './common';

/** `/api/v1/connections…` and `/api/v1/auth-config`: the rep's mailbox connections and how to sign in. */

export const providerKindSchema = z
  .enum(['exchange', 'gmail', 'exchange-server'] as const satisfies readonly ProviderKind[])
  .meta({ id: 'ProviderKind' });
export const oauthProviderSchema = z.enum(['microsoft', 'google']).meta({ id: 'OAuthProvider' });

export const CONNECTION_EVENT_TYPES = [
  'connection.connected',
  'connection.reconnected',
  'connection.needs-reconnect',
  'connection.disconnected',
  'connection.disabled',
  'connection.enabled',
] as const satisfies readonly ConnectionEventType[];

export const connectionInfoSchema = z
  .object({
    mailboxId: z.string(),
    provider: providerKindSchema,
    address: z.string(),
    state: z.enum([
      'connected',
      'needs-reconnect',
      'disconnected',
      'disabled',
    ] as const satisfies readonly ConnectionState[]),
    problem: z
      .enum([
        'grant-revoked',
        'consent-revoked',
        'password-changed',
        'grant-expired',
        'token-rejected',
        'password-rejected',
      ] as const satisfies readonly ConnectionProblem[])
      .nullable()
      .meta({ description: 'Why it is not connected (needs-reconnect); null otherwise.' }),
    since: isoTime.meta({ description: 'When the state last changed.' }),
    heldSends: z.number().int().meta({ description: 'Sends waiting for this connection.' }),
    bounceTracking: z.boolean().meta({
      description: 'False for Exchange Server on-premises: Sendwell cannot scan its inbox for bounces.',
    }),
  })
  .meta({ id: 'Connection' });

export const connectionsAnswerSchema = z
  .object({
    connections: z.array(connectionInfoSchema),
    connectable: z
      .array(oauthProviderSchema)
      .meta({ description: 'Providers the caller may connect (or reconnect) with OAuth on this Sendwell.' }),
  })
  .meta({ id: 'Connections' });

export const connectStartSchema = z
  .object({
    authorizationUrl: z.string().meta({ description: "Where to send the rep's browser to consent." }),
    expiresAt: isoTime.meta({ description: 'When the authorization request stops being accepted.' }),
  })
  .meta({ id: 'ConnectStart' });

export const connectionAnswerSchema = z
  .object({ connection: connectionInfoSchema })
  .meta({ id: 'ConnectionAnswer' });

/** `POST /api/v1/connections/exchange-server`: the password goes to the probe and the vault only. */
export const exchangeServerConnectSchema = z
  .object({
    ewsUrl: z
      .string()
      .trim()
      .min(1, 'Enter the EWS address, e.g. https://mail.example.com/EWS/Exchange.asmx')
      .max(2048),
    username: z
      .string()
      .trim()
      .min(1, 'Enter your username (DOMAIN\\username or your user principal name)')
      .max(256),
    password: z.string().min(1, 'Enter your password').max(1024),
    address: z.email('Enter the email address of your mailbox').max(320),
  })
  .strict()
  .meta({ id: 'ExchangeServerConnect' });

/** `GET /api/v1/auth-config` (public): how the Outlook pane signs in. No secrets. */
export const authConfigSchema = z
  .object({
    microsoft: z
      .object({ clientId: z.string(), authority: z.string(), apiScope: z.string() })
      .nullable()
      .meta({ description: 'Null when this Sendwell has no Microsoft app registration.' }),
  })
  .meta({ id: 'AuthConfig' });

export type AuthConfig = z.infer<typeof authConfigSchema>;
export type ExchangeServerConnect = z.infer<typeof exchangeServerConnectSchema>;
