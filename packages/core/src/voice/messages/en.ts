/**
 * Every user-facing string of the voice, in English. `zh-Hans.ts` has the same keys and the same
 * `{placeholders}` (a test checks). Keys ending in `.one` / `.other` are chosen by Intl.PluralRules.
 */
import { campaignsEn } from './campaigns.en';
import { extrasEn } from './extras.en';

export const en = {
  ...campaignsEn,
  ...extrasEn,
  // times
  'time.now': 'now',
  'time.inSeconds': 'in {seconds} s',

  // counts
  'count.messages.one': '{n} message',
  'count.messages.other': '{n} messages',
  'count.recipients.one': '{n} recipient',
  'count.recipients.other': '{n} recipients',
  'count.external.one': '{n} external recipient',
  'count.external.other': '{n} external recipients',
  'list.separator': ' · ',
  'list.comma': ', ',

  // channel
  'channel.label.exchange': 'Exchange Online — your mailbox',
  'channel.label.gmail': 'Gmail — your mailbox',
  'channel.label.exchange-server': 'Exchange Server — your mailbox',
  'channel.title': 'Sends through {label}',
  'channel.forced': 'Sends from {host} always go through your own {provider} mailbox.',
  'channel.override': 'Not your default channel ({label}).',
  'channel.noNativeMailbox':
    'Sends from {host} must go through your {provider} mailbox, and none is connected.',
  'channel.noDefaultChannel': 'No default delivery channel is configured.',

  // quota
  'quota.used.messages': '{used} of {target} messages in the last 24 hours',
  'quota.used.recipients': '{used} of {target} recipients in the last 24 hours',
  'quota.used.external': '{used} of {target} external recipients in the last 24 hours',
  'quota.usedNoLimit.messages': '{used} messages in the last 24 hours',
  'quota.ceiling':
    '{provider} allows {ceiling} a day; Sendwell stops at {percent} ({target}) so a burst never meets {provider}’s limit.',
  'quota.window.minute': '{used} of {target} this minute · {provider} allows {ceiling}',
  'quota.window.hour': '{used} of {target} this hour · {provider} allows {ceiling}',
  'quota.window.day': '{used} of {target} today · {provider} allows {ceiling}',
  'quota.unit.messages': 'messages',
  'quota.unit.recipients': 'recipients',
  'quota.unit.external': 'external recipients',
  'quota.freeNow': 'A send fits now',
  'quota.nextSlotIn': 'Next free slot in {seconds} s',
  'quota.nextSlotAt': 'Next free slot {time}',
  'quota.paused': 'Paused by {provider} until {time}',
  'quota.pausedWhy': 'Paused by {provider} until {time}: {reason}',
  'quota.queued': '{n} queued',

  // batches (the team's "N every S seconds" setting)
  'quota.batch': 'Your team sends in batches of {size} every {seconds} s.',
  'quota.batchClamped':
    'Your team sends in batches of {size} every {seconds} s: the setting of {requestedSize} every {requestedSeconds} s is faster than the {limit} Sendwell keeps to under {provider}’s limit.',
  'quota.per.minute': '{amount} a minute',
  'quota.per.hour': '{amount} an hour',
  'quota.per.day': '{amount} a day',

  // labels both front ends show
  'ui.sendWithSendwell': 'Send with Sendwell',
  'ui.insertTemplate': 'Insert template',
  'ui.insert': 'Insert',
  'ui.insertAgain': 'Insert again',
  'ui.mergeAgain': 'Merge again',
  'ui.mergedFor': 'Merged for {name}',
  'ui.recipientsChanged': 'The recipients changed since Insert: merge again before sending.',
  'ui.oneEmailEach': 'One email each, merged for each person',
  'ui.oneEmailMergedFor': 'One email, merged for {name}',
  'ui.template': 'Template',
  'ui.templates': 'Templates',
  'ui.noTemplate': 'No template',
  'ui.noTemplates': 'No templates yet.',
  'ui.subject': 'Subject',
  'ui.firstLine': 'First line',
  'ui.checkBeforeSending': 'Check before sending',
  'ui.alreadySent': 'Already sent with Sendwell — nothing new was sent.',
  'ui.closeDraft': 'Close the draft',
  'ui.notSent': 'Not sent',
  'ui.addRecipient': 'Add at least one recipient to the draft.',
  'ui.quota': 'Sending budget',
  'ui.recentActivity': 'Recent activity',
  'ui.noActivity': 'No activity yet.',
  'ui.bouncesOnly': 'Bounces only',
  'ui.scope.mine': 'Mine',
  'ui.scope.team': 'Team',
  'ui.refresh': 'Refresh',
  'ui.cannotStart': 'Sendwell can’t start here',

  // bounce reasons (Sisimai's vocabulary, every one the engine emits)
  'reason.userunknown': 'address does not exist',
  'reason.mailboxfull': 'mailbox full',
  'reason.filtered': 'refused by the recipient’s filters',
  'reason.expired': 'the provider gave up after retrying',
  'reason.hostunknown': 'domain does not exist',
  'reason.suspend': 'mailbox suspended',
  'reason.blocked': 'your server or address is blocked',
  'reason.rejected': 'sender refused',
  'reason.policyviolation': 'refused by the recipient’s policy',
  'reason.spamdetected': 'refused as spam',
  'reason.networkerror': 'network error on the way',
  'reason.authfailure': 'sender authentication failed (SPF, DKIM or DMARC)',
  'reason.requireptr': 'sending server has no reverse DNS',
  'reason.securityerror': 'security error',
  'reason.systemerror': 'recipient’s mail system error',
  'reason.notaccept': 'domain accepts no mail',
  'reason.onhold': 'on hold, reason unclear',
  'reason.mailererror': 'recipient’s mail program failed',
  'reason.mesgtoobig': 'message too large',
  'reason.toomanyconn': 'too many connections at once',
  'reason.norelaying': 'relaying refused',
  'reason.hasmoved': 'address has moved',
  'reason.notcompliantrfc': 'message does not meet mail standards',
  'reason.exceedlimit': 'message over the recipient’s size limit',
  'reason.undefined': 'reason not given',
  'reason.badreputation': 'sender reputation too low',
  'reason.contenterror': 'content refused',
  'reason.virusdetected': 'refused as a virus',
  'reason.syntaxerror': 'mail command syntax error',
  'reason.systemfull': 'recipient’s mail server is full',
  'reason.speeding': 'sending too fast',
  'reason.failedstarttls': 'secure connection (STARTTLS) failed',
  'reason.delivered': 'delivered after all',
  'reason.vacation': 'automatic reply',
  'reason.feedback': 'marked as spam by the recipient',
  'reason.ratelimited': 'rate limited',
  'reason.emailtoolarge': 'message too large',
  'reason.unknown': 'reason not recognised ({reason})',

  // per-recipient outcomes
  'outcome.sent': '{address}: sent',
  'outcome.hard': '{address}: bounced, {reason}',
  'outcome.soft': '{address}: bounced for now, {reason}',
  'outcome.unclassified': '{address}: bounced, {reason}',
  'outcome.delayedUntil': '{address}: delivery delayed — the provider will keep trying until {time}',
  'outcome.delayed': '{address}: delivery delayed — not bounced yet',
  'outcome.status': '{text} ({status})',
  'outcome.summary.bounced.one': '{n} bounced',
  'outcome.summary.bounced.other': '{n} bounced',
  'outcome.summary.delayed.one': '{n} delayed',
  'outcome.summary.delayed.other': '{n} delayed',

  // why a send waits (the planner's rule, worded here so it reads in the rep's language)
  'slot.window': 'Waits for a free slot: Sendwell keeps to {limit}, under {provider}’s {ceiling}.',
  'slot.batch': 'Waits for the next batch: your team sends in batches.',
  'slot.pause': 'Waits: {provider} asked Sendwell to pause this mailbox.',
  'slot.queue': 'Waits for the messages already queued for this mailbox.',
  'slot.pace': 'Waits: sends from one mailbox are spaced {seconds} s apart.',
  'slot.later': 'Waits for a free slot.',
  'slot.retry': 'Waits to try again after a problem reaching the provider.',

  // send status through its life
  'send.queuedNow': 'Queued — going out now',
  'send.queuedFor': 'Queued for {time}',
  'send.sent': 'Sent {time}',
  'send.failed': 'Not sent ({time}): {error}',
  'send.failedNoError': 'Not sent ({time})',
  'send.title.queued': 'Queued to {to}',
  'send.title.sent': 'Sent to {to}',
  'send.title.failed': 'Not sent to {to}',
  'send.cancelled': 'Cancelled {time}',
  'send.cancelledBy': 'Cancelled by {name} {time}',
  'send.title.cancelled': 'Cancelled: to {to}',
  'send.noRecipient': 'no recipient',

  // feed rows that are not sends
  'feed.pausedUntil': 'Sending paused by the provider until {time}',
  'feed.pausedNoUntil': 'Sending paused by the provider',
  'feed.resumed': 'Sending resumed',
  'feed.strayBounce': 'Bounce from {address}',

  // template analytics
  'analytics.scope.team': 'Team',
  'analytics.scope.mine': 'You',
  'analytics.none': '{scope} · no messages yet',
  'analytics.summary': '{scope} · {messages} to {recipients}',
  'analytics.bounced.one': '{n} recipient bounced',
  'analytics.bounced.other': '{n} recipients bounced',
  'analytics.delayed.one': '{n} recipient delayed',
  'analytics.delayed.other': '{n} recipients delayed',
  'analytics.detail': '{hard} hard · {soft} soft · {delayed} delayed (recipients)',

  // words that join others
  'list.semicolon': '; ',
  'list.quoted': '"{text}"',
  'ui.to': 'To',
  'ui.cc': 'Cc {n}',
  'ui.bcc': 'Bcc {n}',

  // why a draft is not sent (the pane's and the add-on's checks, and core's personalise)
  'refusal.noRecipientInTo': 'Add at least one recipient in To before sending.',
  'refusal.invalidAddresses.one':
    'Not sent: {addresses} is not a valid email address. Correct it in To, Cc or Bcc.',
  'refusal.invalidAddresses.other':
    'Not sent: {addresses} are not valid email addresses. Correct them in To, Cc or Bcc.',
  'refusal.noSubject': 'Add a subject before sending.',
  'refusal.unfilledTags':
    'Not sent: the draft still has unfilled fields ({tags}). Insert the template again or fill them in.',
  'refusal.eachWithCopies':
    'Not sent: "one email each" goes to the To recipients only; remove Cc and Bcc, or send one email to everyone.',
  'refusal.missingValues':
    'Not sent: no value to fill for {lacking}. Add a fallback like {{recipient.firstName|there}} or a name to the address.',
  'refusal.missingFor': '{address} ({tags})',
  'refusal.notValidAddress': '"{address}" is not a valid email address',

  // accounts the Outlook pane cannot send from
  'host.title': 'Sending is not available for this account',
  'host.outlookCom':
    'This is an Outlook.com (personal) account. Sendwell sends from Outlook only through a Microsoft 365 work mailbox (Exchange Online).',
  'host.enterprise':
    'This mailbox is on an on-premises Exchange server. Sendwell sends from Outlook only through Exchange Online (Microsoft 365).',
  'host.gmail':
    'This is a Gmail account added to Outlook. Use the Sendwell add-on in Gmail for it; from Outlook, Sendwell sends only through Exchange Online.',
  'host.unknown':
    'Outlook did not say what kind of account this is. Sendwell sends from Outlook only through an Exchange Online (Microsoft 365) mailbox.',
  'host.todo.outlookCom':
    'Open this message from your Microsoft 365 work account in Outlook, or ask your Sendwell admin which mailbox to use.',
  'host.todo.enterprise':
    'Ask your IT team whether your mailbox can move to Exchange Online; until then, send from Outlook as usual.',
  'host.todo.gmail': 'Open Gmail in the browser and use the Sendwell add-on there.',
  'host.todo.unknown':
    'Open this message from your Microsoft 365 work account, or tell your Sendwell admin which Outlook you use.',

  // Insert
  'insert.subjectKept': 'Your subject was kept.',
  'insert.replaced': 'It replaced the earlier insert.',
  'insert.each':
    'Inserted with its fields kept: Sendwell sends one email to each To recipient, merged for them.',
  'insert.plain': 'Inserted.',
  'insert.notMerged': 'Inserted, not merged yet: add a recipient in To, then Send offers to merge for them.',
  'insert.unfilled':
    'Inserted for {name}, but {tags} has no value: add a name to the address or edit the text; Send refuses while a field is unfilled.',
  'insert.merged': 'Inserted, merged for {name}.',
  'insert.peopleInTo': '{n} people in To',
  'insert.chooseQuestion':
    'This template has per-person fields. Send each person their own email, or one email to all, merged for {name}?',
  'insert.failed': 'Could not insert the template',
  'insert.unknownFields':
    'Not inserted: this template uses {tags}, which Sendwell cannot fill. Ask the template’s owner to change it.',
  'insert.templateGone': 'That template no longer exists.',
  'insert.pickTemplate': 'Pick a template to insert.',
  'insert.needsRecipient':
    'Add the recipient to the draft first: "{name}" is merged for them. Nothing was inserted.',
  'insert.alreadyInserted':
    'Already inserted. To replace it, select the old text in the draft, then choose Insert again.',
  'insert.fillByHand':
    'Fill in by hand: {tags} (no value for {address}). Sendwell will not send it unfilled.',
  'insert.firstRecipient': 'the first recipient',

  // the Outlook pane
  'pane.title': 'Sendwell for {name} · {email}',
  'pane.sendingOff': 'Sending is off until an Exchange Online mailbox is connected.',
  'pane.send': 'Send',
  'pane.sending': 'Sending to Sendwell…',
  'pane.changed.mergedFor': 'Not sent: the template was merged for {name}.',
  'pane.changed.mergedForWith': 'Not sent: the template was merged for {name} ({changes}).',
  'pane.changed.notMerged': 'Not sent: the template was not merged for anyone.',
  'pane.changed.notMergedWith': 'Not sent: the template was not merged for anyone ({changes}).',
  'pane.changed.added': 'added {addresses}',
  'pane.changed.removed': 'removed {addresses}',
  'pane.eachSent': '{n} emails, one to each recipient',
  'pane.discard': 'You can discard this draft.',
  'pane.sentBefore': 'This draft was sent with Sendwell',
  'pane.sentBeforeDetail': '{sent}. Sending it again sends nothing.',
  'pane.loadingTemplates': 'Loading templates…',
  'pane.chooseTemplate': 'Choose a template…',
  'pane.sendsThrough': 'Sends through',
  'pane.checkingChannel': 'Checking your channel…',
  'pane.noChannel': 'No channel for Outlook sends',
  'pane.sendsAs': 'Note: Sendwell sends as {address}, not as {email} (the mailbox open in Outlook).',
  'pane.loadingQuota': 'Loading quota…',
  'pane.feed.connecting': 'Connecting…',
  'pane.feed.open': 'Live',
  'pane.feed.error': 'Reconnecting…',
  'pane.feed.whose': 'Whose sends',
  'pane.loadingAnalytics': 'Loading analytics…',
  'pane.analyticsUnavailable': 'Analytics unavailable: {error}',
  'problem.network': 'Sendwell could not be reached ({error})',
  'problem.authUnavailable': 'Outlook did not give Sendwell a sign-in token ({error})',
  'pane.noOffice': 'Outlook did not start the add-in: {error}',
  'pane.unavailable.noOfficeJs':
    'Outlook could not be reached: office.js did not load. Open Sendwell from an Outlook compose window.',
  'pane.unavailable.noSandboxHost':
    'Sandbox mode needs the fake Outlook host: open /sandbox/outlook instead of this page.',
  'pane.unavailable.noComposeItem':
    'Sendwell works in a message you are writing. Open it from an Outlook compose window.',

  // the Outlook pane's sign-in and mailbox connection
  'pane.connect.signin.not-configured':
    'Sign-in with Microsoft is not set up on this Sendwell server. Ask your Sendwell admin.',
  'pane.connect.signin.config-unreachable': 'Sendwell could not tell Outlook how to sign you in ({error})',
  'pane.connect.signin.cancelled': 'Sign-in was cancelled. Reopen Sendwell to sign in.',
  'pane.connect.signin.refused':
    'Sendwell may not sign you in: you or your admin have not consented to it ({error})',
  'pane.connect.signin.no-dialog':
    'This Outlook cannot sign you in to Sendwell: it offers neither nested sign-in nor sign-in windows.',
  'pane.connect.signin.failed': 'Sign-in to Sendwell failed ({error})',
  'pane.connect.notConnectable':
    'This Sendwell is not set up to connect Microsoft 365 mailboxes. Ask your Sendwell admin.',
  'pane.connect.waiting': 'Finish in the window that opened; this pane updates when it closes.',

  // the Gmail add-on's cards
  'gmail.noTemplate': 'No template (send the draft as written)',
  'gmail.addRecipients': 'Add recipients to the draft: a template is merged for them.',
  'gmail.aTemplate': 'A template',
  'gmail.filledForEach': 'filled in for each person when sent',
  'gmail.nothingToMerge': 'nothing to merge',
  'gmail.inserted': 'Inserted',
  'gmail.status.queued': 'Sent with Sendwell',
  'gmail.status.info': 'Note',
  'gmail.composeSubtitle': 'Insert a template, then send the draft through your Gmail',
  'gmail.sending': 'Sending',
  'gmail.send': 'Send',
  'gmail.back': 'Back',
  'gmail.confirmSubtitle': 'This is the draft Gmail saved',
  'gmail.olderDrafts.one': '{n} older saved draft goes to the same people; this is the one saved last.',
  'gmail.olderDrafts.other': '{n} older saved drafts go to the same people; this is the one saved last.',
  'gmail.mergedElsewhere':
    'The template was merged for {whom}, but the draft now goes to {now}. Select the old text in the draft and choose Merge again, or send it as it reads.',
  'gmail.nobody': 'nobody',
  'gmail.invalidAddresses': 'Nothing was sent: {addresses}.',
  'gmail.noRecipient': 'Nothing was sent: add at least one recipient to the draft.',
  'gmail.noSavedDraft':
    'Nothing was sent: Gmail has no saved draft with these recipients yet. Wait until the draft says "Saved", then try again.',
  'gmail.recentSend':
    'You sent an email to these recipients with Sendwell at {time}. Sending this draft sends another.',
  'gmail.draftGone': 'Nothing was sent: that draft is no longer saved in Gmail (sent or discarded).',
  'gmail.draftChanged': 'The draft changed since you checked it. Check it again before sending.',
  'gmail.notConnected':
    '{email} has no Sendwell account yet. Ask your Sendwell admin to add it, then reopen the add-on.',
  'connection.provider.exchange': 'Exchange Online',
  'connection.provider.gmail': 'Gmail',
  'connection.provider.exchange-server': 'Exchange Server',
  'connection.problem.grant-revoked': "Sendwell's access to your mailbox was removed.",
  'connection.problem.consent-revoked': 'Your consent for Sendwell was withdrawn or needs renewing.',
  'connection.problem.password-changed': "Your password changed, which ended Sendwell's sign-in.",
  'connection.problem.grant-expired': "Sendwell's sign-in expired after a long time unused.",
  'connection.problem.token-rejected': "{provider} stopped accepting Sendwell's sign-in.",
  // Exchange Server mailboxes and SMTP channels both sign in with a saved password.
  'connection.problem.password-rejected': 'The server refused the saved password.',
  'connection.title.none': 'Connect your {provider} mailbox',
  'connection.detail.none':
    'Sendwell sends through your own mailbox. Connect it once; you can disconnect it any time.',
  'connection.title.connected': 'Connected to {provider} as {address}',
  'connection.title.needsReconnect': 'Reconnect your {provider} mailbox',
  'connection.title.disconnected': 'Your {provider} mailbox is disconnected',
  'connection.detail.disconnected': 'You disconnected it. Connect it again to send with Sendwell.',
  'connection.title.disabled': 'Your {provider} mailbox is disabled',
  'connection.detail.disabled': 'A team admin disabled it. Ask them to enable it again.',
  'connection.held.one': '{n} send is waiting and goes out once you reconnect.',
  'connection.held.other': '{n} sends are waiting and go out once you reconnect.',
  'connection.noBounceTracking':
    'Bounce tracking is not available for on-premises Exchange: Sendwell cannot read an on-premises inbox, so bounces do not appear in the feed or analytics.',
  'connection.action.connect': 'Connect',
  'connection.action.reconnect': 'Reconnect',
  'send.held.needs-reconnect': 'Waiting for you to reconnect your mailbox',
  'send.held.disconnected': 'Waiting: your mailbox is disconnected',
  'send.held.disabled': 'Waiting: a team admin disabled your mailbox',
  'feed.connection.connected': 'Connected {address}',
  'feed.connection.reconnected': 'Reconnected {address}',
  'feed.connection.needs-reconnect': '{address} needs reconnecting',
  'feed.connection.disconnected': 'Disconnected {address}',
  'feed.connection.disabled': '{address} disabled by an admin',
  'feed.connection.enabled': '{address} enabled again',
  'feed.connection.released.one': '{n} waiting send released',
  'feed.connection.released.other': '{n} waiting sends released',

  // the Gmail add-on's connection card and banner
  'gmail.connect.button': 'Connect Gmail',
  'gmail.connect.reconnect': 'Reconnect Gmail',
  'gmail.connect.popup':
    'Google opens in a new window. Once you allow access there, the window closes and this card reloads.',
  'gmail.connect.unavailable':
    'This Sendwell is not set up to connect Gmail mailboxes. Ask your Sendwell admin.',
  'gmail.connect.domainNotAllowed':
    '{email}: your Google Workspace domain is not set up for this Sendwell. Ask your Sendwell admin to add it.',
  'gmail.connect.emailTaken':
    '{email} already belongs to a Sendwell account that signs in with a different Google account. Ask your Sendwell admin.',
  'gmail.connect.draftUnreadable':
    'Nothing was sent: Sendwell cannot read your draft until you reconnect Gmail. The draft stays in Gmail.',
  'connect.page.titleConnected': 'Connected',
  'connect.page.titleRefused': 'Not connected',
  'connect.page.connected': 'Connected to {mailbox} as {address}. You can close this window.',
  'connect.page.tryAgain': 'Try again',
  'connect.page.openSendwell': 'Open Sendwell to try again',
  'connect.page.anyMailbox': 'a mailbox',
  'connect.refused.unknown-provider': 'Sendwell connects Microsoft 365 and Gmail mailboxes only.',
  'connect.refused.invalid-request':
    'This page did not get an answer from {provider}. Start again from Sendwell (Connect in the add-in).',
  'connect.refused.unknown-state':
    'Sendwell did not start this connection request. Start again from Sendwell (Connect in the add-in).',
  'connect.refused.state-used': 'This connection request was already used.',
  'connect.refused.state-expired': 'This connection request expired: they last 10 minutes.',
  'connect.refused.state-unreadable': 'This connection request can no longer be read.',
  'connect.refused.access-denied': "You cancelled at {provider}'s consent page; nothing was connected.",
  'connect.refused.provider-error': '{provider} did not connect the mailbox: {detail}',
  'connect.refused.provider-not-configured': 'This Sendwell is not set up to connect {provider} mailboxes.',
  'connect.refused.grant-refused': '{provider} refused the sign-in: {detail}',
  'connect.refused.provider-unavailable': 'Sendwell could not reach {provider} to finish connecting.',
  'connect.refused.no-offline-grant':
    '{provider} did not grant offline access, so Sendwell could not keep sending.',
  'connect.refused.wrong-identity':
    'You are signed in to Sendwell as {signedIn} but connected {connected}. Connect the mailbox of {signedIn}, or sign in to Sendwell as {connected}.',
  'connect.refused.mailbox-disabled': 'A team admin disabled this mailbox; ask them to enable it first.',
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: every key of the English one, worded in some language. */
export type Messages = Record<MessageKey, string>;
