import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGmailDeployment } from './gmailDeployment';
import { checkOutlookJson } from './outlookJson';
import { checkOutlookXml } from './outlookXml';
import type { CheckResult, Problem } from './problems';

export type { CheckResult, Problem };

const CHECKS: Record<string, (text: string) => string[]> = {
  'outlook/manifest.xml': checkOutlookXml,
  'outlook/manifest.json': checkOutlookJson,
  'gmail/deployment.json': checkGmailDeployment,
};

/** Checks manifest texts keyed by their relative path (the layout `renderManifests` produces). */
export function checkManifestFiles(files: Partial<Record<string, string>>): CheckResult {
  const problems: Problem[] = [];
  for (const [file, check] of Object.entries(CHECKS)) {
    const text = files[file];
    if (text === undefined) problems.push({ file, message: 'file is missing' });
    else problems.push(...check(text).map((message) => ({ file, message })));
  }
  return { ok: problems.length === 0, problems };
}

/** Offline check of a directory written by `sendwell manifests build` (no Microsoft or Google service needed). */
export function checkManifests(dir: string): CheckResult {
  const files: Record<string, string> = {};
  for (const file of Object.keys(CHECKS)) {
    const path = join(dir, file);
    if (existsSync(path)) files[file] = readFileSync(path, 'utf8');
  }
  return checkManifestFiles(files);
}
