import type { Browser } from 'puppeteer';
import { launchChromium, resolveChromiumExecutable } from '../../src/pdf/chromium';

/** Debian's Chromium (apt-get install chromium), or the one PUPPETEER_EXECUTABLE_PATH names. */
export function chromiumPath(): string {
  return resolveChromiumExecutable();
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}
