import type { ChannelService } from '../../channels/service';
import type { ProbeOptions } from '../../connections/exchangeServer';
import type { ConnectionService } from '../../connections/service';
import type { ProviderSettings } from '../../providerSettings';
import type { ApiTokenService } from '../../services/apiTokens';
import type { ApiDeps } from '../context';

/**
 * What `/api/v1` needs from the composition root. Modules take the slice they use; a module that
 * needs a new service adds its field here and `sendwell.ts` wires it.
 */
export interface V1Deps extends ApiDeps {
  baseUrl: string;
  /** Delivery channels: catalog, SMTP channels, choice, team default, legacy visibility. */
  channels: ChannelService;
  connections: ConnectionService;
  providers: ProviderSettings;
  /**
   * Scan now (`POST /mailboxes/{id}/scan`): one inbox scan of this mailbox, as the scanner worker's
   * round does it (read only), resolving with the new bounce notices it recorded. The route has
   * checked it is the caller's own connected native mailbox with an inbox.
   */
  scanNow(mailboxId: string): Promise<{ bouncesFound: number }>;
  /** API tokens: made with a lifetime, listed, revoked (`/tokens`, `/members/{id}/tokens`). */
  apiTokens: ApiTokenService;
  /** How `POST /connections/exchange-server` probes the EWS address (tests point it at the sandbox). */
  exchangeProbe?: ProbeOptions;
  /** The feed stream's fallback poll (ms) when no wake-up comes; 2,000 unless configured. */
  feedPollMs?: number;
}
