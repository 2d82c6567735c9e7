export { type CsvProblem, type ParsedEnrolmentCsv, parseEnrolmentCsv } from './csv';
export { type StepTiming, stepDueAt, UnknownTimeZoneError } from './schedule';
export { isTimeZone } from './timeZone';
// The panes' "send at" (a date and time typed in the rep's zone) needs the same wall-clock reading.
export { fromWallTime, wallTime } from './zonedTime';
