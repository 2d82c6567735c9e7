export * from './sendRequest';
export * from './wire';
