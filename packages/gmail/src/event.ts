import {
  type Clock,
  createVoice,
  type MergeRecipient,
  pickLocale,
  systemClock,
  type Voice,
} from '@sendwell/core';
import { z } from 'zod';

const formInputSchema = z.looseObject({
  stringInputs: z.object({ value: z.array(z.string()) }).optional(),
  /** A DateTimePicker's answer: int64 milliseconds (JSON may carry them as a string). */
  dateTimeInput: z
    .looseObject({
      msSinceEpoch: z.union([z.number(), z.string().regex(/^-?\d+$/)]).optional(),
      hasDate: z.boolean().optional(),
      hasTime: z.boolean().optional(),
    })
    .optional(),
});

/** The Workspace add-on event object, reduced to the fields Sendwell reads; unknown fields pass. */
export const addonEventSchema = z.looseObject({
  commonEventObject: z
    .looseObject({
      hostApp: z.string().optional(),
      platform: z.string().optional(),
      userLocale: z.string().optional(),
      timeZone: z.looseObject({ id: z.string().optional(), offset: z.number().optional() }).optional(),
      formInputs: z.record(z.string(), formInputSchema).optional(),
      parameters: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  authorizationEventObject: z
    .looseObject({
      userOAuthToken: z.string().optional(),
      userOauthToken: z.string().optional(),
      userIdToken: z.string().optional(),
      systemIdToken: z.string().optional(),
      authorizedScopes: z.array(z.string()).optional(),
    })
    .optional(),
  gmail: z
    .looseObject({
      messageId: z.string().optional(),
      threadId: z.string().optional(),
      accessToken: z.string().optional(),
      toRecipients: z.array(z.string()).optional(),
      ccRecipients: z.array(z.string()).optional(),
      bccRecipients: z.array(z.string()).optional(),
    })
    .optional(),
});

export type AddonEvent = z.infer<typeof addonEventSchema>;

export interface DraftRecipients {
  to: MergeRecipient[];
  cc: MergeRecipient[];
  bcc: MergeRecipient[];
}

/** The first value of a form input (selectionInput / textInput), or undefined. */
export function formValue(event: AddonEvent, name: string): string | undefined {
  const value = event.commonEventObject?.formInputs?.[name]?.stringInputs?.value[0];
  return value === '' ? undefined : value;
}

/**
 * A DATE_AND_TIME picker's instant, or undefined when the rep left it empty or picked only a date or
 * only a time (half a moment is not a time to send at).
 */
export function dateTimeValue(event: AddonEvent, name: string): Date | undefined {
  const input = event.commonEventObject?.formInputs?.[name]?.dateTimeInput;
  if (!input || input.msSinceEpoch === undefined) return undefined;
  if (input.hasDate === false || input.hasTime === false) return undefined;
  const at = new Date(Number(input.msSinceEpoch));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function parameter(event: AddonEvent, name: string): string | undefined {
  return event.commonEventObject?.parameters?.[name];
}

/** The event's IANA time zone when Intl knows it, else UTC. */
function timeZoneOf(event: AddonEvent): string {
  const zone = event.commonEventObject?.timeZone?.id;
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The voice in the rep's language and zone: Gmail's `userLocale` and `timeZone.id`. */
export function voiceFor(event: AddonEvent, clock: Clock = systemClock): Voice {
  return createVoice({
    locale: pickLocale(event.commonEventObject?.userLocale),
    timeZone: timeZoneOf(event),
    clock,
  });
}

const NAMED = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/;

/** Parses `Ada Lovelace <ada@example.com>` or a bare address into a merge recipient. */
export function parseRecipient(text: string): MergeRecipient | null {
  const named = NAMED.exec(text);
  const email = (named ? named[2]! : text).trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const displayName = named?.[1]?.trim();
  return displayName ? { email, displayName } : { email };
}

function recipients(list: string[] | undefined): MergeRecipient[] {
  return (list ?? []).map(parseRecipient).filter((r): r is MergeRecipient => r !== null);
}

/** The draft's audience, as Gmail hands it with `draftAccess: METADATA`. */
export function draftRecipients(event: AddonEvent): DraftRecipients {
  return {
    to: recipients(event.gmail?.toRecipients),
    cc: recipients(event.gmail?.ccRecipients),
    bcc: recipients(event.gmail?.bccRecipients),
  };
}
