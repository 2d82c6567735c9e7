/**
 * Issue 9's labels for the compose extras and the add-ins' campaign sections (template search,
 * recently used, send at, cancel, add to campaign, person status, the Gmail bounce-notice card).
 * Spread into `en.ts`; the Chinese twin is `extras.zh-Hans.ts` (same keys and placeholders).
 */
export const extrasEn = {
  'compose.searchTemplates': 'Search templates',
  'compose.recentlyUsed': 'Recently used',
  'compose.noTemplateMatch': 'No template matches “{q}”.',
  'compose.sendAt': 'Send at (your time, {zone})',
  'compose.sendAtOptional': 'Send at (optional)',
  'compose.sendAtEmpty': 'Leave empty to send now.',
  'compose.sendAtInvalid': 'Pick the date and time with the picker.',
  'compose.cancelSend': 'Cancel send',
  'compose.cancelled': 'Cancelled: it will not be sent.',
  'campaign.plural': 'Campaigns',
  'campaign.singular': 'Campaign',
  'campaign.choose': 'Choose a campaign…',
  'campaign.noneActive': 'You have no active campaign.',
  'campaign.addingRecipients.one': 'Adds the draft’s recipient to the campaign.',
  'campaign.addingRecipients.other': 'Adds the draft’s {n} recipients to the campaign.',
  'campaign.noRecipients': 'Add recipients to the draft to see their campaigns.',
  'campaign.enrolledIn.one': '{n} person enrolled in “{campaign}”.',
  'campaign.enrolledIn.other': '{n} people enrolled in “{campaign}”.',
  'person.inNoCampaign': 'not in a campaign',
  'person.inCampaign': '{campaign}: {status}',
  'person.suppressed': 'suppressed: {message}',
  'person.checkAgain': 'Check the recipients again',
  'person.removed': '{email}: removed from their campaigns.',
  'person.nothingToRemove': '{email} is in no active campaign.',
  'person.suppressedNow': '{email} is suppressed for your team.',
  'suppression.action.suppress': 'Suppress',
  'suppression.action.lift': 'Lift',
  'notice.title': 'Bounce notice',
  'notice.subtitle': 'What this notice means',
  'notice.hard': 'Hard bounce: this address will not accept mail',
  'notice.soft': 'Soft bounce: it may work later',
  'notice.delayed': 'Delayed: the provider is still trying',
  'notice.unclassified': 'Bounce (the notice does not say hard or soft)',
  'notice.yourEmail': 'Your email',
  'notice.unattributed': 'Not tied to one of your Sendwell emails',
  // the recipient's unsubscribe pages (/u), read by people who never use Sendwell
  'unsubscribe.askTitle': 'Unsubscribe',
  'unsubscribe.ask':
    'Stop emails to {email} from {sender} and their team? Nothing changes until you press the button.',
  'unsubscribe.button': 'Unsubscribe',
  'unsubscribe.doneTitle': 'You are unsubscribed',
  'unsubscribe.done': '{sender} and their team will not email {email} again. You can close this page.',
  'unsubscribe.alreadyTitle': 'Already unsubscribed',
  'unsubscribe.badTitle': 'This link does not work',
  'unsubscribe.bad':
    'The unsubscribe link is damaged or was not made by this server. Copy the whole link from the email, or reply to the email and ask to be removed.',
  'unsubscribe.unknown':
    'This email is no longer on this server, so there is nobody to unsubscribe from it. Reply to the email and ask to be removed.',
  'unsubscribe.noPerson':
    'This email went to several people, so the link cannot tell who you are. Reply to the email and ask to be removed.',
} as const;
