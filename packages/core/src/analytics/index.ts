export * from './counters';
