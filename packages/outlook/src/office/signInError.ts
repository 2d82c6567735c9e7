/**
 * Why the pane has no token, as data: the voice words each one (`pane.connect.signin.*`).
 * - `not-configured`: this Sendwell has no Microsoft app registration (`/api/v1/auth-config` says null);
 * - `config-unreachable`: the server's auth config could not be read;
 * - `cancelled`: the rep closed the sign-in window or consent prompt;
 * - `refused`: the rep or their admin did not consent;
 * - `no-dialog`: no nested app auth and no dialog API in this Outlook;
 * - `failed`: anything else (the message says what).
 */
export type SignInFailure =
  | 'not-configured'
  | 'config-unreachable'
  | 'cancelled'
  | 'refused'
  | 'no-dialog'
  | 'failed';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}
