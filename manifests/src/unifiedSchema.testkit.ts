/**
 * Test helper: validates a unified manifest against the GA JSON schema bundled in
 * @microsoft/app-manifest (offline; the same check `office-addin-manifest validate` runs for JSON).
 * We only take its schema file and its own ajv (resolved from inside that package): its main entry
 * needs fs-extra, which it does not declare.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const fromPackage = createRequire(join(packageDir, 'package.json'));

type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

export function unifiedSchemaValidator(version: string): (manifest: unknown) => string[] {
  const schema = JSON.parse(
    readFileSync(
      join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json'),
      'utf8',
    ),
  );
  const AjvDraft04 = fromPackage('ajv-draft-04').default;
  const addFormats = fromPackage('ajv-formats').default;
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate: Validate = ajv.compile(schema);
  return (manifest) =>
    validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
