/**
 * Every user-facing string of the voice, in English. `zh-Hans.ts` has the same keys and the same
 * `{placeholders}` (a test checks). Keys ending in `.one` / `.other` are chosen by Intl.PluralRules.
 */
export const en = {
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
} as const;

export type MessageKey = keyof typeof en;
/** A catalog: every key of the English one, worded in some language. */
export type Messages = Record<MessageKey, string>;
