/**
 * RFC 8058 one-click unsubscribe: a signed, unguessable URL per send.
 * STUB: owned by the suppression helper (issue 9 design, H3).
 */
export function unsubscribeUrl(_baseUrl: string, _secret: Buffer, _sendId: string): string {
  return '';
}
