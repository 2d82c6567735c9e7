import { environmentFor, type RenderOptions } from './environment';
import { renderGmailDeployment } from './gmailDeployment';
import { renderOutlookJson } from './outlookJson';
import { renderOutlookXml } from './outlookXml';

export type { RenderOptions };

export const MANIFEST_FILES = [
  'outlook/manifest.xml',
  'outlook/manifest.json',
  'gmail/deployment.json',
] as const;
export type ManifestFile = (typeof MANIFEST_FILES)[number];

/** Every manifest for one environment, keyed by its path relative to the output directory. */
export function renderManifests(options: RenderOptions): Record<ManifestFile, string> {
  const env = environmentFor(options);
  return {
    'outlook/manifest.xml': renderOutlookXml(env),
    'outlook/manifest.json': renderOutlookJson(env),
    'gmail/deployment.json': renderGmailDeployment(env),
  };
}
