import type { V1App } from './app';
import type { V1Deps } from './deps';

/** `/api/v1/mailboxes` routes (placeholder until they are ported). */
export function mailboxesRoutes(_app: V1App, _deps: V1Deps): void {}
