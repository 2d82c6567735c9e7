import type { ApiDeps } from '../context';

/**
 * What `/api/v1` needs from the composition root. Modules take the slice they use; new services are
 * added here by the module that needs them, optional until `sendwell.ts` wires them.
 */
export interface V1Deps extends ApiDeps {
  baseUrl: string;
}
