export * from './lifecycle';
export * from './problems';
export * from './types';
