import type { V1App } from './app';
import type { V1Deps } from './deps';

/** `/api/v1/members` routes (placeholder until they are ported). */
export function membersRoutes(_app: V1App, _deps: V1Deps): void {}
