export * from './types';
export * from './auth';
export { connectOffice, type OfficeConnection } from './connect';
