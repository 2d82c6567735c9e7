/**
 * What the sign-in dialog (`signin.html`, the fallback for Outlook clients without nested app auth)
 * sends the pane with `Office.context.ui.messageParent`: one JSON string, a token or a failure.
 */
export type SignInMessage =
  | { sendwell: 'signin'; accessToken: string; expiresOn: string }
  | { sendwell: 'signin'; error: { code: string; message: string } };

export function signInMessage(message: Omit<SignInMessage, 'sendwell'>): string {
  return JSON.stringify({ sendwell: 'signin', ...message });
}

/** The dialog's message, or null for anything else (another page in the dialog may message too). */
export function readSignInMessage(raw: unknown): SignInMessage | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    if (value.sendwell !== 'signin') return null;
    if (typeof value.accessToken === 'string' && typeof value.expiresOn === 'string') {
      return { sendwell: 'signin', accessToken: value.accessToken, expiresOn: value.expiresOn };
    }
    const error = value.error as { code?: unknown; message?: unknown } | undefined;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return { sendwell: 'signin', error: { code: error.code, message: error.message } };
    }
    return null;
  } catch {
    return null;
  }
}
