import { Hono } from 'hono';

/** The fake Outlook compose host page, mounted by createSandbox at /sandbox/outlook. (Stub.) */
export function outlookHostRoutes(_options: { paneUrl: string }): Hono {
  return new Hono();
}
