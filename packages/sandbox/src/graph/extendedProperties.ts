import type { StoredMessage } from '../mail/store';

/** MAPI's PS_INTERNET_HEADERS property set: where Exchange keeps a message's internet x-headers. */
const INTERNET_HEADERS_SET = '{00020386-0000-0000-C000-000000000046}';

/** `String {00020386-…} Name x-sendwell-id` → the header name, or null for any other property id. */
export function internetHeaderName(propertyId: string): string | null {
  const m = /^String\s+(\{[0-9A-Fa-f-]+\})\s+Name\s+(\S+)$/.exec(propertyId.trim());
  if (!m || m[1]!.toUpperCase() !== INTERNET_HEADERS_SET) return null;
  return m[2]!;
}

/**
 * The value of a named property in PS_INTERNET_HEADERS. Graph's docs: "Filtering the string name
 * (Name) in the id of an extended property is case-sensitive", so the name must be spelt as the
 * header was written when the message was created.
 */
export function internetHeaderProperty(message: StoredMessage, name: string): string | undefined {
  return message.headers.find((h) => h.name === name)?.value;
}

/** "Filtering the value property of an extended property is case-insensitive" (same page). */
export const sameValue = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * `$expand=singleValueExtendedProperties($filter=id eq 'String {…} Name x-…')`: the one form the
 * sandbox answers. Returns the property id to expand, null when there is no `$expand`, or 'invalid'.
 */
export function parseExpand(expand: string | undefined): string | null | 'invalid' {
  if (!expand) return null;
  const m = /^singleValueExtendedProperties\(\s*\$filter=id\s+eq\s+'([^']+)'\s*\)$/.exec(expand.trim());
  if (!m || internetHeaderName(m[1]!) === null) return 'invalid';
  return m[1]!;
}

/** The expanded property as Graph shows it; Graph leaves the key out when the item lacks the property. */
export function expandedProperties(
  message: StoredMessage,
  propertyId: string | null,
): Record<string, unknown> {
  if (!propertyId) return {};
  const value = internetHeaderProperty(message, internetHeaderName(propertyId)!);
  if (value === undefined) return {};
  return {
    singleValueExtendedProperties: [{ id: propertyId.replace(/\{[^}]+\}/, (g) => g.toLowerCase()), value }],
  };
}
