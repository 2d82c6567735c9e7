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

/** `{{recipient.firstName}}`, or with a fallback for when the value is unknown: `{{recipient.firstName|there}}`. */
const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*(?:\|([^{}|]*))?\}\}/g;

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

/**
 * Replace `{{recipient.firstName}}`-style fields. A field with no value uses its fallback
 * (`{{recipient.firstName|there}}`); without one it stays as written and is reported as missing, so
 * the rep sees it instead of sending "Hi ,".
 */
export function mergeTemplate(text: string, recipient: MergeRecipient | undefined): MergeResult {
  const values = fieldsFor(recipient);
  const missing = new Set<string>();
  const merged = text.replace(FIELD, (whole, name: string, fallback: string | undefined) => {
    const value = values[name];
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.add(name);
    return whole;
  });
  return { text: merged, missing: [...missing] };
}
