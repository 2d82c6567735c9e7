/**
 * The process harness for benches that need real processes: the sandbox in its own process, real
 * `sendwell start` servers pointed at it as if it were Microsoft and Google (started, stopped,
 * SIGKILLed, restarted on the same data), reps onboarded over HTTP, and the sandbox's own truth.
 * See README.md beside this file.
 */
export { ApiClient, ApiRefused, ServerUnreachable } from './api';
export { type Cluster, openCluster } from './cluster';
export { connections, connectMailbox, onboard, type Rep, signIn } from './onboard';
export { type Child, type CliMode, REPO_ROOT } from './processes';
export { type SandboxProcess, startSandbox } from './sandbox';
export { newSecret, type ServerProcess, type ServerSpec, startServer } from './server';
export { createStore, postgresAdminUrl, type StoreHandle, type StoreKind } from './store';
