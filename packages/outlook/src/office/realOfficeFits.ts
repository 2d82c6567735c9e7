import type { OfficeApi, OfficeComposeMessage } from './officeApi';

/**
 * Compile-time proof that the real office.js shapes (`@types/office-js`) fit the structural
 * `OfficeApi` the adapter is written against, so Outlook and the sandbox's fake stay interchangeable.
 * If an office.js type update breaks this, tsc fails here rather than in Outlook.
 */
type Fits<Real, Ours> = Real extends Ours ? true : false;

export const realOfficeFits: [
  Fits<typeof Office.context, OfficeApi['context']>,
  Fits<typeof Office.onReady, OfficeApi['onReady']>,
  Fits<typeof Office.CoercionType, OfficeApi['CoercionType']>,
  Fits<typeof Office.AsyncResultStatus, OfficeApi['AsyncResultStatus']>,
  Fits<Office.MessageCompose, OfficeComposeMessage>,
  Fits<typeof Office.EventType, NonNullable<OfficeApi['EventType']>>,
] = [true, true, true, true, true, true];
