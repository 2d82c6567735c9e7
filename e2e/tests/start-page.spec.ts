import { expect, test } from '@playwright/test';

// The page `npm start` opens: every link on it answers a person's browser (no token-only JSON 401),
// and the favicon the pages name is served.

test('start page: every link opens for a browser without a token', async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page
    .getByRole('main')
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  expect(hrefs).toEqual(
    expect.arrayContaining(['/api/v1/openapi.json', '/sandbox/outlook', '/sandbox/gmail']),
  );
  expect(hrefs).not.toContain('/api/v1/me');
  for (const href of hrefs) {
    const res = await request.get(href, { headers: { accept: 'text/html,application/json;q=0.9' } });
    expect.soft(res.status(), `${href} answers`).toBe(200);
  }
});

test('favicon: /favicon.ico is an icon, named by the pages', async ({ page, request }) => {
  const res = await request.get('/favicon.ico');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/x-icon');
  await page.goto('/');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.ico');
});
