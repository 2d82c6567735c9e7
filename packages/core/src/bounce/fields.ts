/** Reading `Name: value` field blocks (RFC 3464 delivery-status, RFC 5965 feedback reports). */

export type FieldBlock = Map<string, string>;

const NOT_BLANK = /\S/;

/**
 * Split a field text into blocks separated by blank lines; folded lines are joined. Field names
 * are lower-cased; the first occurrence of a name in a block wins.
 */
export function readFieldBlocks(text: string): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  let current: FieldBlock = new Map();
  let lastName: string | null = null;
  for (const line of text.split('\n')) {
    // `\S` is the complement of what trim() removes: the same test without a copy of each line.
    if (!NOT_BLANK.test(line)) {
      if (current.size) blocks.push(current);
      current = new Map();
      lastName = null;
      continue;
    }
    if ((line[0] === ' ' || line[0] === '\t') && lastName) {
      current.set(lastName, `${current.get(lastName) ?? ''} ${line.trim()}`);
      continue;
    }
    const match = /^([A-Za-z][A-Za-z0-9-]{0,60})\s*:\s?(.*)$/.exec(line);
    if (!match) {
      lastName = null;
      continue;
    }
    lastName = (match[1] as string).toLowerCase();
    if (!current.has(lastName)) current.set(lastName, (match[2] as string).trim());
    else lastName = null;
  }
  if (current.size) blocks.push(current);
  return blocks;
}

/** Parse the header block of an RFC 5322 text (up to the first blank line) into a field block. */
export function readHeaderBlock(text: string): FieldBlock {
  const end = text.search(/\n\s*\n/);
  const head = end < 0 ? text : text.slice(0, end);
  return readFieldBlocks(head)[0] ?? new Map();
}

/**
 * An address in text. Domain labels may be internationalised (RFC 6531/6532: `josé@bücher.example`,
 * `田中@例え.example`), but the last label must be ASCII, so text written right after an address
 * (`user@example.jpへ`) is not taken as part of its domain.
 */
// Bounded (RFC 5321 lengths: 64-octet labels, a few labels per domain) so hostile text stays linear.
const ADDRESS =
  /[^\s<>"'(),;:[\]]{1,256}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?\.){0,16}[A-Za-z0-9][A-Za-z0-9-]{0,62}[A-Za-z0-9]/u;

/** `rfc822; User@Example.com` → `user@example.com` (angle brackets, quotes and type removed). */
export function cleanAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let text = value.trim();
  const semi = text.indexOf(';');
  if (semi >= 0 && semi < 12) text = text.slice(semi + 1);
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  if (angle) text = angle[1] as string;
  const found = ADDRESS.exec(text.replace(/^["']|["']$/g, ''));
  if (!found) return null;
  return found[0]
    .replace(/^[.'"`]+/, '')
    .replace(/\.+$/, '')
    .toLowerCase();
}

/** `SMTP; 550 5.1.1 ...` → `550 5.1.1 ...` */
export function stripDiagnosticType(value: string): { type: string | null; text: string } {
  const match = /^\s*([A-Za-z][A-Za-z0-9-]{0,20})\s*;\s*([\s\S]*)$/.exec(value);
  if (!match) return { type: null, text: value.trim() };
  return { type: (match[1] as string).toUpperCase(), text: (match[2] as string).trim() };
}
