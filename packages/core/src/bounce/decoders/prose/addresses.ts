import { cleanAddress } from '../../fields';
import { NON_ASCII_CHAR } from '../../text';

/**
 * An address written in prose: bare, in angle brackets, quoted, after `mailto:` or `SMTP:`. Bounded
 * by RFC 5321 lengths (64-octet local part, 63-octet labels, a few labels) and the local part never
 * holds `@`, quotes, brackets or colons, so a hostile line of `a@a@a@...` stays linear.
 */
const ADDRESS_IN_TEXT =
  /[^\s<>"'(),;:[\]@`]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?\.){1,16}[A-Za-z][A-Za-z0-9-]{0,62}(?![\p{L}\p{N}-])/gu;
/** ADDRESS_IN_TEXT for ASCII-only lines, where it finds the same without compiling Unicode classes. */
const ASCII_ADDRESS_IN_TEXT =
  /[^\s<>"'(),;:[\]@`]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.){1,16}[A-Za-z][A-Za-z0-9-]{0,62}(?![A-Za-z0-9-])/g;

/** At most this many addresses are read from one line (a hostile line may hold thousands). */
const MAX_PER_LINE = 50;

export interface AddressAt {
  address: string;
  /** Where the address starts and ends in its line. */
  index: number;
  end: number;
}

/** The addresses of one line, lower-cased, in order, without repeats. */
export function addressesIn(line: string): AddressAt[] {
  if (!line.includes('@')) return [];
  const found: AddressAt[] = [];
  const pattern = NON_ASCII_CHAR.test(line) ? ADDRESS_IN_TEXT : ASCII_ADDRESS_IN_TEXT;
  for (const match of line.matchAll(pattern)) {
    const address = cleanAddress(match[0]);
    if (address && !found.some((f) => f.address === address)) {
      const index = match.index ?? 0;
      found.push({ address, index, end: index + match[0].length });
    }
    if (found.length >= MAX_PER_LINE) break;
  }
  return found;
}

/** True when a line says little more than one address (`<a@b.example>`, `a@b.example on 1/1/2001`). */
export function isAddressLine(line: string, address: AddressAt): boolean {
  const rest = `${line.slice(0, address.index)} ${line.slice(address.end)}`;
  const words = rest.replace(/[<>"'():;,.[\]]/g, ' ').trim();
  return words.length <= 60 && !/[.!?]\s+\S/.test(words);
}
