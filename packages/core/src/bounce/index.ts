export { parseBounce } from './engine';
export { classifySmtpRefusal, type SmtpRefusal } from './smtpRefusal';
export * from './types';
