import { API_SAMPLES, LAST_SAMPLES } from './samplesApi';
import { CAMPAIGN_SAMPLES } from './samplesCampaigns';
import { CHANNEL_SAMPLES, SENDS_SAMPLES } from './samplesOthers';
import { SUPPRESSION_SAMPLES } from './samplesSuppression';
import { TOKEN_SAMPLES } from './samplesTokens';
import { UNATTRIBUTED_SAMPLES } from './samplesUnattributed';
import type { V1Testbed } from './server';

/**
 * One request per documented `/api/v1` operation (and a refusal where the route has one worth
 * checking), keyed by operationId. The contract test calls each against a sandbox-mode Sendwell and
 * checks the status is documented and the body matches the documented schema; an operation in the
 * document without a row here fails it. Rows run in table order: the ones that change shared state
 * (disable, disconnect) come last.
 */
interface SampleRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Sample {
  /** Sandbox user whose API token is sent; null sends none. */
  user: string | null;
  /** What this sample shows (for the test's name). */
  what: string;
  status: number;
  request(ctx: SampleContext): SampleRequest | Promise<SampleRequest>;
}

/** Things samples need that another request creates first (each made on demand, fresh or shared). */
export interface SampleContext {
  bed: V1Testbed;
  /** A personal template of `user`, made for this sample. */
  template(user: string): Promise<string>;
  /** A fresh scheduled send of `user` (from Outlook). */
  send(user: string): Promise<string>;
  /** eli's personal SMTP channel, pointing at the test's SMTP server (made once). */
  smtpChannel(): Promise<string>;
  /** Settings for the test's SMTP server, as the channel routes take them. */
  smtpSettings(): Record<string, unknown>;
}

/** Every `/api/v1` operation of Sendwell (issue 8), owner by owner. */

/** Every `/api/v1` operation of Sendwell (issue 8), in the order the contract test runs them. */
export const SAMPLES: Record<string, Sample[]> = {
  ...API_SAMPLES,
  ...SENDS_SAMPLES,
  ...CHANNEL_SAMPLES,
  ...SUPPRESSION_SAMPLES,
  ...UNATTRIBUTED_SAMPLES,
  ...CAMPAIGN_SAMPLES,
  ...TOKEN_SAMPLES,
  ...LAST_SAMPLES,
};
