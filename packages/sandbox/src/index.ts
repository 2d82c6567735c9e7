export type { CallKind } from './calls/kinds';
export type { CallRecord, CallSummary } from './calls/log';
export { DEFAULT_LIMITS, type SandboxLimits } from './context';
export type { MailboxTruth, SentTruth } from './dev/truth';
export type { EwsDeployment, EwsItem, EwsOrg, EwsSandbox, EwsUser } from './ews';
export type { FiledNotice } from './mail/postOffice';
export { type RecipientFate, recipientFate } from './mail/recipients';
export type { StoredMessage } from './mail/store';
export type { OneClickEntry } from './responses/oneClick';
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export {
  SANDBOX_SMTP_PASSWORD,
  type SandboxSmtpMessage,
  type SmtpDesk,
  type SmtpDsnParams,
} from './smtp/desk';
export {
  type SandboxSmtp,
  type SandboxSmtpOptions,
  startSandboxSmtp,
} from './smtp/server';
export { answerConsent } from './testing/consent';
export { DEMO_USERS, type SandboxProvider, type SandboxUser } from './users';
