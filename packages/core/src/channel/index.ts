export * from './catalog';
export * from './resolveChannel';
export * from './smtpReply';
export * from './types';
