import type { ConnectionService } from '../../connections/service';
import type { ProviderSettings } from '../../providerSettings';
import type { ApiDeps } from '../context';

/**
 * What `/api/v1` needs from the composition root. Modules take the slice they use; a module that
 * needs a new service adds its field here and `sendwell.ts` wires it.
 */
export interface V1Deps extends ApiDeps {
  baseUrl: string;
  connections: ConnectionService;
  providers: ProviderSettings;
}
