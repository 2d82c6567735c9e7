import type { V1App } from './app';
import type { V1Deps } from './deps';

/** STUB: owned by H4 (issue 9 design). */
export function unattributedRoutes(_app: V1App, _deps: V1Deps): void {}
