export * from './quotaInfo';
export * from './sendAnswer';
export * from './sendRequest';
export * from './wire';
