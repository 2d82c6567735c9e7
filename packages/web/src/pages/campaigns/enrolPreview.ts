import type { EnrolAnswer, EnrolRowError, ParsedEnrolmentCsv, Voice } from '@sendwell/core';

/** One line of the preview table: a data row of the file and what happens (or happened) to it. */
export interface PreviewRow {
  /** The 0-based data row (the header is not a row); people read it from 1. */
  row: number;
  email: string;
  name: string;
  fields: string;
  verdict: { ok: true; words: string } | { ok: false; code: EnrolRowError['code']; words: string };
}

const fieldsText = (fields: Record<string, string> | undefined) =>
  Object.entries(fields ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');

/**
 * Every data row of the file in file order: the rows core's parser refused, and each person with the
 * server's verdict (`answer`: the dry run before, the enrolment after). The server numbers its errors
 * by position in `people`; `parsed.rows` maps them back to the file, so "Row 4" is the file's row 4.
 * Before the server answers a person reads `pending`.
 */
export function previewRows(
  parsed: ParsedEnrolmentCsv,
  answer: EnrolAnswer | undefined,
  voice: Voice,
  words: { ok: string; pending: string },
): PreviewRow[] {
  const refused = new Map((answer?.errors ?? []).map((e) => [e.row, e]));
  const notRead: PreviewRow[] = parsed.errors.map((e) => ({
    row: e.row,
    email: e.email ?? '',
    name: '',
    fields: '',
    verdict: { ok: false, code: e.code, words: voice.enrolRowError(e) },
  }));
  const people: PreviewRow[] = parsed.people.map((p, i) => {
    const row = parsed.rows[i] ?? i;
    const error = refused.get(i);
    return {
      row,
      email: p.email,
      name: p.displayName ?? '',
      fields: fieldsText(p.fields),
      verdict: error
        ? { ok: false, code: error.code, words: voice.enrolRowError({ ...error, row }) }
        : { ok: true, words: answer ? words.ok : words.pending },
    };
  });
  return [...notRead, ...people].sort((a, b) => a.row - b.row);
}

/** How many of the people the server would take (all of them before it answered). */
export const acceptedCount = (parsed: ParsedEnrolmentCsv, answer: EnrolAnswer | undefined): number =>
  parsed.people.length - new Set((answer?.errors ?? []).map((e) => e.row)).size;
