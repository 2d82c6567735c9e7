export { parseBounce } from './engine';
export * from './types';
