import type { Page } from 'puppeteer';

/** The password every test user is created with (see test-app.ts). */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Signs the browser page in as the user with this e-mail through the login page. Before sign-in
 * existed the app acted as a default user; then /login answers 404 and there is nothing to do.
 */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  const response = await page.goto(`${baseUrl}/login`);
  if (response?.status() === 404) return;
  await page.type('input[name=email]', email);
  await page.type('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}
