export * from './analytics';
export * from './api';
export * from './bounce';
export * from './channel';
export * from './ports';
export * from './templates';
export * from './throttle';
export * from './voice';
