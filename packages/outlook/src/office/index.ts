export * from './auth';
export { connectOffice, type OfficeConnection } from './connect';
export * from './types';
