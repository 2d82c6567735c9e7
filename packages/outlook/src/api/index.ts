export * from './types';
export { createHttpApi, type HttpApiOptions, type EventSourceLike } from './client';
