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

const FIELD = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

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

/** Replace `{{recipient.firstName}}`-style fields; unknown or empty fields are reported as missing. */
export function mergeTemplate(text: string, recipient: MergeRecipient | undefined): MergeResult {
  const values = fieldsFor(recipient);
  const missing = new Set<string>();
  const merged = text.replace(FIELD, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: merged, missing: [...missing] };
}
