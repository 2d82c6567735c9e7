import { recipientsOf } from './qmail';
import { bounce, originalMessageId, safely, scanText, section } from './util';

/**
 * "X2": a qmail-derived provider template ("Message from example.com. Unable to deliver message to
 * the following address(es).", then `<address>:` and the error, then "--- Original message
 * follows."). Same recipient layout as qmail, different markers.
 */
const MARKER = /^Unable to deliver message to the following address\(es\)\.?/im;
const END = /^--- Original message follows\./im;

export const X2 = safely('X2', (m) => {
  const body = scanText(m.body);
  if (!MARKER.test(body.slice(0, 4000))) return null;
  return bounce('X2', recipientsOf(section(body, MARKER, END) ?? ''), originalMessageId(m, END));
});
