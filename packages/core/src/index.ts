export * from './ports';
export * from './channel';
export * from './throttle';
export * from './bounce';
export * from './analytics';
export * from './templates';
