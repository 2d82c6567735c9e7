export * from './types';
export { parseBounce } from './engine';
