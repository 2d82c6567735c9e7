import { collapseWhiteSpace } from '../../text';

/** Windows-1252's letters for bytes 0x80-0x9F, in byte order (the rest of 0x80-0xBF is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const MOJIBAKE = new RegExp(`\u00c3([\u0080-\u00bf${CP1252_HIGH}])`, 'g');

/** Anything but printable ASCII, tabs and line breaks: such text takes the full fold. */
const NON_ASCII = /[^\t\n\r -~]/;

/** "Ã©" (the UTF-8 bytes of "é" read as Windows-1252 or Latin-1) back to "é". */
function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (_, second: string) => {
    const high = CP1252_HIGH.indexOf(second);
    const byte = high >= 0 ? 0x80 + high : second.charCodeAt(0);
    return String.fromCharCode(0xc0 + byte - 0x80);
  });
}

/**
 * Text as the phrase tables read it: lower case, accents off ("Échec" → "echec", "verzögert" →
 * "verzogert"), typographic apostrophes made plain, one space between words. UTF-8 read as
 * Windows-1252 ("Ã©" for "é", common in relayed legacy notices) is repaired first.
 */
export function fold(text: string): string {
  // Most notices are plain ASCII: lower case and spaces are all they need.
  if (!NON_ASCII.test(text)) return collapseWhiteSpace(text.toLowerCase()).trim();
  const unaccented = repairMojibake(text)
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u00b4]/g, "'");
  return collapseWhiteSpace(unaccented).trim();
}
