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
// biome-ignore lint/suspicious/noExplicitAny: card JSON is untyped browser data here; the JS module validates it
export function unwrapResponse(response: unknown): { action: any; hostAppAction: any };
// biome-ignore lint/suspicious/noExplicitAny: as above
export function draftUpdateOf(hostAppAction: unknown): any;
// biome-ignore lint/suspicious/noExplicitAny: as above
export function navigate(stack: any[], navigations: unknown[] | undefined): any[];
