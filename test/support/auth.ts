import type { Server } from 'http';
import type { Page } from 'puppeteer';
import request from 'supertest';
import type { Agent } from 'supertest';

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

/** A cookie session signed in through the login form, as a browser without JavaScript has. */
export async function signedInAgent(server: Server, email: string): Promise<Agent> {
  const agent = request.agent(server);
  const login = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({
      email,
      password: TEST_PASSWORD,
      _csrf: /name="_csrf" value="([^"]+)"/.exec(login.text)![1],
    });
  return agent;
}
