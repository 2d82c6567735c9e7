export * from './catalog';
export * from './resolveChannel';
export * from './types';
