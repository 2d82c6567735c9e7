import type { ServerConfig } from '../config/config';
import type { ProviderSettings } from '../providerSettings';
import type { Vault } from '../vault/vault';
import { rememberSecret } from './redact';

/** Every text form a key may be quoted in (env files hold base64, tools print hex). */
function rememberKey(key: Buffer): void {
  for (const encoding of ['base64', 'base64url', 'hex'] as const)
    rememberSecret(key.toString(encoding), true);
}

function urlPassword(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}

/**
 * The secrets the process holds from its settings, registered by value with the log redactor: the
 * server keys, OAuth client secrets (real or the sandbox's), database and SMTP passwords, the
 * metrics token.
 */
export function rememberConfiguredSecrets(
  config: ServerConfig,
  keys: readonly Buffer[],
  providers: ProviderSettings,
): void {
  for (const key of keys) rememberKey(key);
  rememberSecret(providers.microsoft?.clientSecret, true);
  rememberSecret(providers.google?.clientSecret, true);
  rememberSecret(config.microsoft?.clientSecret, true);
  rememberSecret(config.google?.clientSecret, true);
  rememberSecret(urlPassword(config.databaseUrl), true);
  rememberSecret(config.legacySmtp?.password, true);
  rememberSecret(config.metricsToken, true);
}

/** The vault, remembering every secret it seals or opens (refresh tokens, SMTP/EWS passwords). */
export function rememberingVault(vault: Vault): Vault {
  return {
    get currentKeyId() {
      return vault.currentKeyId;
    },
    seal(plaintext, context) {
      rememberSecret(plaintext);
      return vault.seal(plaintext, context);
    },
    open(envelope, context) {
      const plaintext = vault.open(envelope, context);
      rememberSecret(plaintext);
      return plaintext;
    },
    isCurrent: (envelope) => vault.isCurrent(envelope),
  };
}
