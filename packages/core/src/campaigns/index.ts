export { type CsvProblem, type ParsedEnrolmentCsv, parseEnrolmentCsv } from './csv';
export { type StepTiming, stepDueAt, UnknownTimeZoneError } from './schedule';
export { isTimeZone } from './timeZone';
