import type { EnrolAnswer, EnrolPerson, EnrolRowError } from '@sendwell/core';

/** What core's `parseEnrolmentCsv` gives: the people it read, the rows it could not, the columns. */
export interface ParsedCsv {
  people: EnrolPerson[];
  errors: EnrolRowError[];
  columns: string[];
}

/** One line of the preview table: a person to enrol (numbered) or a CSV row that was not read. */
export interface PreviewRow {
  key: string;
  /** "Row 4" of the file for a row not read; "4" in `people` order for the others. */
  where: string;
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
 * The preview, in the file's order of outcomes: rows the parser refused (with the file's row
 * number), then each person with the server's verdict (`answer`: the dry run before, the real
 * enrolment after; `people` index = `EnrolRowError.row`). Without an answer yet a person reads
 * "Checking…" (`pendingWords`).
 */
export function previewRows(
  parsed: ParsedCsv,
  answer: EnrolAnswer | undefined,
  okWords: string,
  pendingWords = 'Checking…',
): PreviewRow[] {
  const refused = new Map((answer?.errors ?? []).map((e) => [e.row, e]));
  const notRead: PreviewRow[] = parsed.errors.map((e, i) => ({
    key: `csv-${e.row}-${i}`,
    where: `Row ${e.row}`,
    email: e.email ?? '',
    name: '',
    fields: '',
    verdict: { ok: false, code: e.code, words: e.message },
  }));
  const people: PreviewRow[] = parsed.people.map((p, i) => {
    const error = refused.get(i);
    return {
      key: `person-${i}`,
      where: String(i + 1),
      email: p.email,
      name: p.displayName ?? '',
      fields: fieldsText(p.fields),
      verdict: error
        ? { ok: false, code: error.code, words: error.message }
        : { ok: true, words: answer ? okWords : pendingWords },
    };
  });
  return [...notRead, ...people];
}

/** How many of the people the server would take (all of them before it answered). */
export const acceptedCount = (parsed: ParsedCsv, answer: EnrolAnswer | undefined): number =>
  parsed.people.length - new Set((answer?.errors ?? []).map((e) => e.row)).size;
