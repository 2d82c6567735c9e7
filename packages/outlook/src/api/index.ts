export { createHttpApi, type EventSourceLike, type HttpApiOptions } from './client';
export * from './types';
