import { Hono } from 'hono';

/** The Gmail add-on card previewer page, mounted by createSandbox at /sandbox/gmail. (Stub.) */
export function cardPreviewerRoutes(_options: { addonUrl: string }): Hono {
  return new Hono();
}
