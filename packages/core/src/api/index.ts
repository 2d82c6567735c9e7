export * from './quotaInfo';
export * from './sendRequest';
export * from './wire';
