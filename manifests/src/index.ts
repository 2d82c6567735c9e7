export { renderManifests, MANIFEST_FILES } from './render';
export type { ManifestFile, RenderOptions } from './render';
export { checkManifests, checkManifestFiles } from './check';
export type { CheckResult, Problem } from './check';
export { SOURCE, REQUIRED_GMAIL_SCOPES } from './source';
