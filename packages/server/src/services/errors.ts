import type { z } from 'zod';

/** One field that failed validation: where (for programs) and why (for people). */
export interface IssueDetail {
  path: string;
  message: string;
}

/** A failure the HTTP edge turns into `{error: {code, message, details?}}` with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly details?: IssueDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Field names as a person reads them; anything else is split from camelCase. */
const FIELD_LABELS: Record<string, string> = {
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  host: 'The host',
  subject: 'The subject',
  body: 'The body',
  name: 'The name',
  scope: 'The scope',
  templateId: 'The template id',
  idempotencyKey: 'The draft key (idempotencyKey)',
  personalise: 'The personalise choice',
  displayNames: 'A display name',
};

function fieldLabel(path: readonly PropertyKey[]): string {
  const [field, index] = path;
  if (typeof field !== 'string') return 'The request body';
  const label = FIELD_LABELS[field] ?? `The ${field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
  if (typeof index !== 'number') return label;
  return `${label} ${['to', 'cc', 'bcc'].includes(field) ? 'address' : 'item'} ${index + 1}`;
}

const count = (n: number | bigint, noun: string) =>
  `${n.toLocaleString('en')} ${noun}${n === 1 || n === 1n ? '' : 's'}`;

/** Zod's own wording ("Invalid input: expected …") is for programmers; schema-written messages are for people. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)/;

function sentence(issue: z.core.$ZodIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message.replace(/\.$/, '');
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (!issue.path.length) return 'The request body should be a JSON object';
      return / received undefined$/.test(issue.message)
        ? `${label} is missing`
        : `${label} should be ${issue.expected === 'array' ? 'a list' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${label} needs at least ${count(issue.minimum, 'item')}`
        : `${label} is too short (at least ${count(issue.minimum, 'character')})`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${label} has too many items (at most ${issue.maximum})`
        : `${label} is too long (at most ${count(issue.maximum, 'character')})`;
    case 'invalid_value':
      return `${label} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `Unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return `${label} is not valid`;
  }
}

/** A ZodError as sentences a rep can act on, plus the field paths for programs. */
export function describeIssues(error: z.ZodError): { message: string; details: IssueDetail[] } {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: sentence(issue) }));
  const sentences = [...new Set(details.map((d) => d.message))];
  return { message: `${sentences.join('. ')}.`, details };
}

/**
 * Validate input against a schema or throw a 400 `invalid-request` whose message says, in words,
 * what to fix — prefixed with what did not happen ("Not sent", "Not saved").
 */
export function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { message, details } = describeIssues(result.error);
  throw new ApiError(400, 'invalid-request', `${what}: ${message}`, details);
}
