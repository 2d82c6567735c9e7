// Types for draft.js (a plain browser module).
export interface DraftFields {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  html: string;
}
export function encodeWord(text: string): string;
export function splitRecipients(text: unknown): string[];
export function draftRaw(fields: DraftFields): string;
