/**
 * Where Chromium is and how to start it: Debian's package (puppeteer never downloads its own, see
 * .puppeteerrc.cjs). Shared by the PDF renderer and the browser tests.
 */
import * as fs from 'fs';
import puppeteer, { Browser } from 'puppeteer';

export class ChromiumMissingError extends Error {
  constructor() {
    super(
      'Chromium not found: install it with `sudo apt-get install -y chromium fonts-nanum` ' +
        'or set PUPPETEER_EXECUTABLE_PATH to a Chromium/Chrome executable',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** Debian's path for the `chromium` package. */
export const DEFAULT_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium'];

/**
 * Headless on a server: no sandbox (we often run as root in a container), no GPU, /tmp instead
 * of a small /dev/shm, and none of the background traffic a desktop browser makes.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * PUPPETEER_EXECUTABLE_PATH when it names an existing file, else the first existing fallback.
 * `fallbacks` is a parameter so a test can simulate a machine without Chromium.
 */
export function resolveChromiumExecutable(
  env: NodeJS.ProcessEnv = process.env,
  fallbacks: readonly string[] = DEFAULT_CHROMIUM_PATHS,
): string {
  const candidates = [env.PUPPETEER_EXECUTABLE_PATH, ...fallbacks];
  const found = candidates.find((p): p is string => !!p && fs.existsSync(p));
  if (!found) throw new ChromiumMissingError();
  return found;
}

export interface LaunchChromiumOptions {
  env?: NodeJS.ProcessEnv;
  fallbacks?: readonly string[];
}

/** Rejects with ChromiumMissingError (not a puppeteer stack trace) when there is no Chromium. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const executablePath = resolveChromiumExecutable(options.env, options.fallbacks);
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
