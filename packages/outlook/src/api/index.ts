export { createHttpApi, type HttpApiOptions } from './client';
export type { EventSourceLike } from './feed';
export * from './types';
