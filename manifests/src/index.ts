export type { CheckResult, Problem } from './check';
export { checkManifestFiles, checkManifests } from './check';
export { APP_PACKAGE_ICONS, SHARED_ASSETS_DIR } from './paths';
export type { ManifestFile, RenderOptions } from './render';
export { MANIFEST_FILES, renderManifests } from './render';
export { REQUIRED_GMAIL_SCOPES, SOURCE } from './source';
