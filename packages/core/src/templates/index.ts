export * from './merge';
export * from './personalise';
export * from './stamp';
