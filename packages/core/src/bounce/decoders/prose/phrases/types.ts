/**
 * One language's words for delivery notices. Every entry is a regex source over *folded* text
 * (`fold.ts`: lower case, no accents, one space between words), so `echec` matches "Échec" and
 * `zustellung verzogert` matches "Zustellung verzögert". Sources use no nested quantifiers: the
 * joined alternation stays linear on hostile text.
 */
export interface LanguagePhrases {
  lang: 'en' | 'fr' | 'de' | 'it' | 'es' | 'pt';
  /** Words that say delivery failed or a recipient was refused ("could not be delivered", "unzustellbar"). */
  failure: readonly string[];
  /** Statements that delivery is still being tried ("has not yet been delivered", "no action is required"). */
  delay: readonly string[];
  /** Weaker words of lateness ("delayed", "could not be delivered for 4 hours"): a delay unless `final` words say otherwise. */
  delayHints: readonly string[];
  /** Words that say the server gave up ("deleted from queue"): they turn a notice with only delay hints into a failure. */
  final: readonly string[];
  /** Words of a success report ("was delivered successfully"): such a notice without failure words is no bounce. */
  success: readonly string[];
  /** Lead-ins to a list of failed addresses on the following lines ("the following recipients"). */
  introducers: readonly string[];
  /** Field labels whose value is the failed recipient ("Recipient:", "Destinataire :"). */
  recipientLabels: readonly string[];
  /** Labels of the original sender's fields ("From:", "Von:", "Expéditeur :"): never a failed recipient. */
  senderLabels: readonly string[];
  /** Labels of the returned original's To (a failed recipient only when it is the only one). */
  toLabels: readonly string[];
  /** Words that introduce a help address ("contact", "wenden Sie sich an"). */
  contact: readonly string[];
  /** Subjects of delivery notices (matched anywhere in the folded Subject). */
  subjects: readonly string[];
  /** Subjects of delay warnings. */
  delaySubjects: readonly string[];
  /** Display names of the mail system that sends notices. */
  senders: readonly string[];
}
