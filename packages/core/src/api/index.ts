export * from './quotaInfo';
export * from './sendAnswer';
export * from './sendRequest';
export * from './v1';
export * from './wire';
