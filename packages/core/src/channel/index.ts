export * from './types';
export * from './resolveChannel';
