import { expect, type Page } from '@playwright/test';

/**
 * Signs a sandbox person in to the web app as a browser does: the sign-in page's provider button,
 * the sandbox's consent page (its account picker), back at /app/ with the session cookie.
 * `account` is the sandbox user id (ava, eli, lou: Microsoft; gus, ivy: Google).
 */
export async function signInToWebApp(
  page: Page,
  account: string,
  provider: 'microsoft' | 'google' = 'microsoft',
) {
  await page.goto('/app/signin');
  await page.getByTestId(`web-signin-${provider}`).click();
  await page.getByTestId('consent-account').selectOption(account);
  await page.getByTestId('consent-accept').click();
  await page.waitForURL(/\/app\/$/);
  await expect(page.getByTestId('web-signed-in-as')).toBeVisible();
}

/** The sandbox-mode server's SMTP stand-in port (playwright.config.ts sets it for the run). */
export const sandboxSmtpPort = (): number => Number(process.env.SENDWELL_E2E_SANDBOX_SMTP_PORT ?? 4320);
