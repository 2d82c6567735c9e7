export { DEFAULT_LIMITS, type SandboxLimits } from './context';
export type { EwsDeployment, EwsItem, EwsOrg, EwsSandbox, EwsUser } from './ews';
export { type RecipientFate, recipientFate } from './mail/recipients';
export type { StoredMessage } from './mail/store';
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export { answerConsent } from './testing/consent';
export { DEMO_USERS, type SandboxProvider, type SandboxUser } from './users';
