import type { V1App } from './app';
import type { V1Deps } from './deps';

/** STUB: owned by H2 (issue 9 design). */
export function campaignsRoutes(_app: V1App, _deps: V1Deps): void {}
