import type { Personalised } from '../templates/personalise';
import type { Speaker } from './speaker';

/** Why `personalise` would not send a draft: its code and data, worded by the front ends. */
export type PersonaliseRefusal = Extract<Personalised, { outcome: 'refused' }>;

const tagList = (s: Speaker, tags: readonly string[]) => tags.join(s.t('list.comma'));

/** Core's refusal in the rep's language, naming the fields and recipients it is about. */
export function refusalWords(s: Speaker, refusal: PersonaliseRefusal): string {
  switch (refusal.code) {
    case 'unfilled-tags':
      return s.t('refusal.unfilledTags', { tags: tagList(s, refusal.details) });
    case 'each-with-copies':
      return s.t('refusal.eachWithCopies');
    case 'missing-values': {
      // Older producers sent only the English `details`; they still read, untranslated.
      const lacking = refusal.lacking
        ? refusal.lacking.map((l) =>
            s.t('refusal.missingFor', { address: l.address, tags: tagList(s, l.tags) }),
          )
        : refusal.details;
      return s.t('refusal.missingValues', { lacking: lacking.join(s.t('list.semicolon')) });
    }
  }
}

/** "Not sent: "x@y" is not a valid email address. Correct it in To, Cc or Bcc." (each address named). */
export function invalidAddressWords(s: Speaker, addresses: readonly string[]): string {
  const quoted = addresses.map((text) => s.t('list.quoted', { text })).join(s.t('list.comma'));
  return s.count('refusal.invalidAddresses', addresses.length, { addresses: quoted });
}
