/**
 * The manifests this server renders for its own URL (`/manifests/:kind/:file`, served from the
 * `manifests` package by `server/src/http/static.ts`). The web app is served from the same origin, so
 * the links are absolute paths on it: whatever URL the admin reached us by is the one the manifests
 * name (the server renders them for its configured base URL).
 */
export interface ManifestLink {
  id: 'outlook-xml' | 'outlook-json' | 'gmail-deployment';
  path: string;
  fileName: string;
  title: string;
  description: string;
}

export const MANIFEST_LINKS: readonly ManifestLink[] = [
  {
    id: 'outlook-xml',
    path: '/manifests/outlook/manifest.xml',
    fileName: 'manifest.xml',
    title: 'Outlook add-in manifest (XML)',
    description:
      'The add-in-only manifest: works in Outlook on the web, new Outlook, classic Outlook and Outlook for Mac.',
  },
  {
    id: 'outlook-json',
    path: '/manifests/outlook/manifest.json',
    fileName: 'manifest.json',
    title: 'Outlook unified manifest (JSON)',
    description:
      'The Microsoft 365 app manifest: zip it with the color.png and outline.png icons to upload it as an app package.',
  },
  {
    id: 'gmail-deployment',
    path: '/manifests/gmail/deployment.json',
    fileName: 'deployment.json',
    title: 'Gmail add-on deployment (deployment.json)',
    description: 'The Google Workspace add-on deployment, for gcloud or the Workspace Marketplace.',
  },
];

/** The icons the unified manifest's app package needs beside manifest.json (served at `/assets/`). */
export const APP_PACKAGE_ICON_PATHS = ['/assets/color.png', '/assets/outline.png'] as const;

/** Where a manifest lives for someone who copies the link rather than downloading it. */
export function manifestUrl(origin: string, link: ManifestLink): string {
  return new URL(link.path, origin).toString();
}
