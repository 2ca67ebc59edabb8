import * as fs from 'fs';
import puppeteer, { Browser } from 'puppeteer';

/** Debian's Chromium (apt-get install chromium), or the one PUPPETEER_EXECUTABLE_PATH names. */
export function chromiumPath(): string {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found: run `apt-get install -y chromium` or set PUPPETEER_EXECUTABLE_PATH',
    );
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
