import Papa from 'papaparse';
import { emailAddressSchema } from '../api/sendRequest';
import { type EnrolPerson, type EnrolRowError, enrolPersonSchema } from '../api/v1/campaigns';
import { isTimeZone } from './timeZone';

/** Why a whole file cannot be read (the voice words it: `voice.csvProblem`). */
export type CsvProblem =
  | { code: 'empty' }
  | { code: 'no-email-column' }
  | { code: 'unreadable'; detail: string };

export interface ParsedEnrolmentCsv {
  /** The rows that can be enrolled, in file order (send them as `EnrolRequest.people`). */
  people: EnrolPerson[];
  /** `rows[i]` is the data row `people[i]` came from, so a server error on `people[i]` maps back. */
  rows: number[];
  /** Rows refused here; `row` is the 0-based data row (the header is not a row; voice shows it + 1). */
  errors: EnrolRowError[];
  /** The header as written, in order (the preview table's columns). */
  columns: string[];
  problem: CsvProblem | null;
}

type Role = 'email' | 'name' | 'firstName' | 'lastName' | 'timeZone' | 'field';

/** Header spellings people use, compared without case, spaces, dashes or underscores. */
const ROLES: Record<string, Role> = {
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  firstname: 'firstName',
  first: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  last: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  timezone: 'timeZone',
  tz: 'timeZone',
  zone: 'timeZone',
};
const squash = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, '');

/** "Company Name" → `recipient.companyName`: the merge-field naming templates use (`recipient.firstName`). */
export function mergeFieldName(header: string): string {
  const words = header
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return `recipient.${camel}`;
}

interface Column {
  header: string;
  role: Role;
  field: string | null;
}

function columnsOf(headers: string[]): Column[] {
  return headers.map((header) => {
    const role = ROLES[squash(header)] ?? 'field';
    const field =
      role === 'field' || role === 'firstName' || role === 'lastName' ? mergeFieldName(header) : null;
    return { header, role, field: field && field !== 'recipient.' ? field : null };
  });
}

/**
 * Read a CSV of people to enrol: a header row naming an email column (`email`, `E-mail`, `Email
 * Address`), optionally a name (`name` or `first name` + `last name`) and a `time zone`; every other
 * column becomes a merge field (`Company` → `recipient.company`). Bad rows are reported one by one
 * with their row number and never stop the good ones; nothing is dropped silently.
 */
export function parseEnrolmentCsv(text: string): ParsedEnrolmentCsv {
  const empty = (problem: CsvProblem, columns: string[] = []): ParsedEnrolmentCsv => ({
    people: [],
    rows: [],
    errors: [],
    columns,
    problem,
  });
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken)
    return empty({ code: 'unreadable', detail: `${broken.message} (line ${(broken.row ?? 0) + 1})` });
  const [header, ...data] = parsed.data;
  if (!header || data.length === 0) return empty({ code: 'empty' }, header ?? []);
  const columns = columnsOf(header.map((h) => h.trim()));
  if (!columns.some((c) => c.role === 'email')) return empty({ code: 'no-email-column' }, header);
  const result: ParsedEnrolmentCsv = { people: [], rows: [], errors: [], columns: header, problem: null };
  const seen = new Set<string>();
  for (const [row, cells] of data.entries()) {
    const read = readRow(columns, cells, row);
    if ('error' in read) {
      result.errors.push(read.error);
    } else if (seen.has(read.person.email)) {
      const email = read.person.email;
      const message = `${email} appears more than once in the file`;
      result.errors.push({ row, email, code: 'duplicate-in-batch', message });
    } else {
      seen.add(read.person.email);
      result.people.push(read.person);
      result.rows.push(row);
    }
  }
  return result;
}

type RowRead = { person: EnrolPerson & { email: string } } | { error: EnrolRowError };

function readRow(columns: Column[], cells: string[], row: number): RowRead {
  const value = (role: Role) => {
    const i = columns.findIndex((c) => c.role === role);
    return i === -1 ? '' : (cells[i] ?? '').trim();
  };
  const raw = value('email');
  const refuse = (field: EnrolRowError['field'], message: string): RowRead => ({
    error: { row, email: raw || null, code: 'invalid', field, message },
  });
  if (!raw) return refuse('email', 'No email address');
  const email = emailAddressSchema.safeParse(raw);
  if (!email.success) return refuse('email', `${JSON.stringify(raw)} is not a valid email address`);
  const timeZone = value('timeZone');
  if (timeZone && !isTimeZone(timeZone))
    return refuse('timeZone', `${JSON.stringify(timeZone)} is not a time zone`);
  const fields: Record<string, string> = {};
  columns.forEach((c, i) => {
    const cell = (cells[i] ?? '').trim();
    if (c.field && cell) fields[c.field] = cell;
  });
  const displayName = value('name') || [value('firstName'), value('lastName')].filter(Boolean).join(' ');
  const person = {
    email: email.data,
    ...(displayName ? { displayName } : {}),
    ...(timeZone ? { timeZone } : {}),
    fields,
  };
  // The wire schema is the last word (lengths of names and fields): the server would refuse the same.
  const checked = enrolPersonSchema.safeParse(person);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path[0] === 'displayName' ? 'displayName' : 'fields';
    return refuse(field, `${issue.path.join('.')}: ${issue.message}`);
  }
  return { person };
}
