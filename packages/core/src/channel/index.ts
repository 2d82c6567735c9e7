export * from './resolveChannel';
export * from './types';
