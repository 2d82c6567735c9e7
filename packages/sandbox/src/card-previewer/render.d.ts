// Types for render.js (a plain browser module).
export interface RenderedCard {
  html: string;
  actions: unknown[];
}
export function sanitizeCardText(text: unknown): string;
export function escapeAttr(value: unknown): string;
export function plainCardText(text: unknown): string;
export function actionTestId(onClick: unknown, text: unknown): string;
export function renderCard(card: unknown): RenderedCard;
/** A DATE_AND_TIME picker's `valueMsEpoch` as a datetime-local value in `offsetMinutes`. */
export function dateTimeLocalValue(ms: unknown, offsetMinutes: unknown): string;
/** The instant (ms) a datetime-local value means in `offsetMinutes`; null when empty or broken. */
export function dateTimeLocalMs(value: unknown, offsetMinutes: unknown): number | null;
export interface PreviewLink {
  url: string;
  popup: boolean;
  reloadOnClose: boolean;
}
export function openLinkOf(link: unknown): PreviewLink | null;
export function whenClosed(
  win: { closed: boolean },
  onClosed: () => void,
  every?: (check: () => void) => unknown,
  stop?: (timer: unknown) => void,
): () => void;
// biome-ignore lint/suspicious/noExplicitAny: card JSON is untyped browser data here; the JS module validates it
export function unwrapResponse(response: unknown): { action: any; hostAppAction: any };
// biome-ignore lint/suspicious/noExplicitAny: as above
export function draftUpdateOf(hostAppAction: unknown): any;
// biome-ignore lint/suspicious/noExplicitAny: as above
export function navigate(stack: any[], navigations: unknown[] | undefined): any[];
