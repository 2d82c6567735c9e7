import { fileURLToPath } from 'node:url';

/** The brand icons (`shared/assets/`), which the server serves at `/assets/`. */
export const SHARED_ASSETS_DIR = fileURLToPath(new URL('../../shared/assets', import.meta.url));

/** Icons that travel inside the unified manifest's app package, next to manifest.json. */
export const APP_PACKAGE_ICONS = ['color.png', 'outline.png'] as const;
