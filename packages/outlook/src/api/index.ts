export { createHttpApi } from './client';
export * from './types';
