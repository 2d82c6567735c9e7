/** A recipient as the draft knows it; merge fields read from here. */
export interface MergeRecipient {
  email: string;
  displayName?: string;
}

export interface MergeResult {
  text: string;
  /** Fields the template used that had no value; shown to the rep, never silently dropped. */
  missing: string[];
}

/**
 * The merge fields Sendwell can fill, listed once: template editors offer these, saving a template
 * that uses any other field is refused, and both front ends merge with them.
 */
export const MERGE_FIELDS = [
  { name: 'recipient.firstName', label: 'First name', example: 'Ada' },
  { name: 'recipient.lastName', label: 'Last name', example: 'Lovelace' },
  { name: 'recipient.name', label: 'Full name', example: 'Ada Lovelace' },
  { name: 'recipient.email', label: 'Email address', example: 'ada@example.com' },
] as const;

export type MergeFieldName = (typeof MERGE_FIELDS)[number]['name'];

/** How the merged text will be read: values going into HTML are escaped, plain text stays plain. */
export type MergeFormat = 'html' | 'text';

/** `{{recipient.firstName}}`, or with a fallback for when the value is unknown: `{{recipient.firstName|there}}`. */
const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|([^{}|]*))?\}\}/g;
/** Anything that still looks like a tag after merging: `{{ … }}`. */
const LEFTOVER_TAG = /\{\{[^{}]*\}\}/g;

const SUPPORTED = new Set<string>(MERGE_FIELDS.map((field) => field.name));

function fieldsFor(recipient: MergeRecipient | undefined): Record<string, string | undefined> {
  const name = recipient?.displayName?.trim();
  const [first, ...rest] = name ? name.split(/\s+/) : [];
  return {
    'recipient.email': recipient?.email,
    'recipient.name': name || undefined,
    'recipient.firstName': first,
    'recipient.lastName': rest.length ? rest.join(' ') : undefined,
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for an HTML body or attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * Replace `{{recipient.firstName}}`-style fields. A field with no value uses its fallback
 * (`{{recipient.firstName|there}}`); without one it stays as written and is reported as missing, so
 * the rep sees it instead of sending "Hi ,". In `html` format the values (and fallbacks) are escaped:
 * a display name is data, never markup.
 */
export function mergeTemplate(
  text: string,
  recipient: MergeRecipient | undefined,
  format: MergeFormat = 'text',
): MergeResult {
  const values = fieldsFor(recipient);
  const missing = new Set<string>();
  const encode = format === 'html' ? escapeHtml : (value: string) => value;
  const merged = text.replace(FIELD, (whole, name: string, fallback: string | undefined) => {
    const value = values[name];
    if (value !== undefined) return encode(value);
    if (fallback !== undefined) return encode(fallback.trim());
    missing.add(name);
    return whole;
  });
  return { text: merged, missing: [...missing] };
}

/** Fields a template uses that Sendwell cannot fill (each named once, in order of use). */
export function unknownMergeFields(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(FIELD)) if (!SUPPORTED.has(match[1]!)) unknown.add(match[1]!);
  return [...unknown];
}

/**
 * Tags still in a text that is about to be sent (`{{recipient.firstName}}`, `{{ anything }}`):
 * unfilled tags never leave either host.
 */
export function unfilledTags(text: string): string[] {
  return [...new Set(text.match(LEFTOVER_TAG) ?? [])];
}
