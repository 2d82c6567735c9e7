export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export { DEFAULT_LIMITS, type SandboxLimits } from './context';
export { DEMO_USERS, type SandboxProvider, type SandboxUser } from './users';
export type { StoredMessage } from './mail/store';
export { recipientFate, type RecipientFate } from './mail/recipients';
