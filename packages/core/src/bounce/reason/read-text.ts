/** How a diagnostic is read before phrases are matched against it. */

/**
 * A sending service that prefixes the remote answer with its own label of the status ("5.1.0 - Unknown
 * address error 550-'5.7.1 ... Access denied'", "5.3.0 - Other mail system problem 550-'...'") is
 * naming the code's class, not quoting the server: only the answer after the label is read.
 */
export function withoutStatusLabel(text: string): string {
  return withoutContinuations(
    text.replace(/^[245]\.\d{1,3}\.\d{1,3} - [a-z][a-z ]{2,60}?(?= [245]\d\d[ -])/, ''),
  );
}

/**
 * A multi-line reply keeps each line's prefix ("550-5.7.1 ", "<<< 550-5.7.1 ") inside the joined
 * text, cutting phrases in two ("has a 550-5.7.1 policy that prohibited"). The first prefix stays;
 * the later ones repeating the same reply code go, so only the words are read.
 */
function withoutContinuations(text: string): string {
  if (!text.includes('-')) return text; // every continuation prefix has one
  const code = /(?:^|\s)(?:<<<? ?)?([245]\d\d)-/.exec(text)?.[1];
  if (!code) return text;
  let seen = 0;
  const prefix = new RegExp(`(^|\\s)(?:<<<? ?)?${code}[- ](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s)?`, 'g');
  return text.replace(prefix, (whole, lead: string) => (seen++ ? lead : whole));
}
