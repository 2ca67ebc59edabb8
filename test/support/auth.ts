import type { Page } from 'puppeteer';
import request from 'supertest';
import type { Agent } from 'supertest';
import type { App } from 'supertest/types';

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

/** The CSRF token the forms of a page carry (`<input type="hidden" name="_csrf" …>`). */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('the page has no form token (_csrf)');
  return token;
}

/** The form token a signed-in browser's pages carry, read from the page at `path`. */
export async function pageCsrf(browser: Agent, path = '/account'): Promise<string> {
  return csrfOf((await browser.get(path).expect(200)).text);
}

export interface FormSignInOptions {
  /** TEST_PASSWORD unless given. */
  password?: string;
  /** The sign-in page's query (`?lang=en`), sent with the GET of the form. */
  query?: string;
  /** Headers of the post (`X-Forwarded-For`). */
  headers?: Record<string, string>;
}

/**
 * Signs in through the login form as a browser without JavaScript does: the page for its form
 * token, then the post. `res` is the post's answer (303 when signed in), whatever it is.
 */
export async function signInThroughForm(
  server: App,
  email: string,
  { password = TEST_PASSWORD, query = '', headers = {} }: FormSignInOptions = {},
): Promise<{ browser: Agent; res: request.Response }> {
  const browser = request.agent(server);
  const login = await browser.get(`/login${query}`).expect(200);
  const res = await browser
    .post('/login')
    .set(headers)
    .type('form')
    .send({ email, password, _csrf: csrfOf(login.text) });
  return { browser, res };
}

/** A cookie session signed in through the login form; fails unless sign-in answers 303. */
export async function signedInAgent(
  server: App,
  email: string,
  password = TEST_PASSWORD,
): Promise<Agent> {
  const { browser, res } = await signInThroughForm(server, email, { password });
  if (res.status !== 303) throw new Error(`signing in as ${email} answered ${res.status}, not 303`);
  return browser;
}
