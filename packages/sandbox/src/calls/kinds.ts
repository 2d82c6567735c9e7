/**
 * What a provider call does to the user's mailbox: `read`; `send` (a message leaves); `draft`
 * (drafts are the app's own work in progress); `mutate` (changes mail the user has: flags, labels,
 * moves, copies, deletes, inserted messages, folders); `other` (watch, batch envelopes, unknown).
 */
export type CallKind = 'read' | 'send' | 'draft' | 'mutate' | 'other';
