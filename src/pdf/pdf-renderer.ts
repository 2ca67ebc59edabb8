/**
 * HTML → A4 PDF with one warm Chromium. A plain class (no Nest decorators) so the CLI and a Nest
 * provider can share it. The browser starts on the first render and is kept; at most `maxPages`
 * renders run at once, the others wait their turn; a crashed browser is relaunched once per render.
 */
import * as os from 'os';
import type { Browser, Page } from 'puppeteer';
import { ChromiumMissingError, launchChromium } from './chromium';

export class PdfRenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfRenderError';
  }
}

export interface PdfRendererOptions {
  /** Renders (open pages) at once; default one a CPU core. */
  maxPages?: number;
  /** Deadline for one render, from the moment it gets a slot; default 30 s. */
  timeoutMs?: number;
  launch?: () => Promise<Browser>;
}

export interface PdfRenderOptions {
  headerTemplate?: string;
  footerTemplate?: string;
  landscape?: boolean;
}

export interface PdfRendererStats {
  launches: number;
  active: number;
  queued: number;
  browserPid: number | null;
}

// An empty header must still be an element: Chromium prints its own date and title for ''.
const EMPTY_HEADER = '<span></span>';
const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;font-size:9px;text-align:center;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';
const MARGIN = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' };
/** A page is retired after this many renders, so a long-lived renderer cannot grow unbounded. */
const PAGE_REUSE_LIMIT = 100;

export class PdfRenderer {
  private readonly slots: Semaphore;
  private readonly timeoutMs: number;
  private readonly launch: () => Promise<Browser>;
  private browser: Browser | null = null;
  /** The launch in progress: concurrent callers share it, so there is never a second browser. */
  private launching: Promise<Browser> | null = null;
  /**
   * Pages of the current browser left by finished renders, reset to about:blank. Reused rather
   * than a new page each render: every new page starts a renderer process, which on a 2-core
   * machine made a render about twice as slow (~1.4 s against ~0.8 s under load).
   */
  private idlePages: Page[] = [];
  private readonly pageUses = new WeakMap<Page, number>();
  private launches = 0;
  private closed = false;

  constructor(options: PdfRendererOptions = {}) {
    this.slots = new Semaphore(Math.max(1, Math.floor(options.maxPages ?? os.cpus().length)) || 1);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.launch = options.launch ?? (() => launchChromium());
  }

  async render(html: string, options: PdfRenderOptions = {}): Promise<Buffer> {
    await this.slots.acquire();
    try {
      return await this.renderRetryingOnCrash(html, options);
    } finally {
      this.slots.release();
    }
  }

  /** Closes the browser; the renderer is finished, later renders reject. */
  async close(): Promise<void> {
    this.closed = true;
    this.idlePages = [];
    const browser = this.browser ?? (await this.launching?.catch(() => null));
    this.browser = null;
    await browser?.close().catch(() => undefined);
  }

  stats(): PdfRendererStats {
    return {
      launches: this.launches,
      active: this.slots.active,
      queued: this.slots.queued,
      browserPid: this.browser?.process()?.pid ?? null,
    };
  }

  /**
   * Retries once when Chromium went away under the render (crash, OOM kill) or the page's target
   * closed; anything else (bad options, a timeout) is not retried.
   */
  private async renderRetryingOnCrash(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const browser = await this.currentBrowser();
    try {
      return await this.renderWithDeadline(browser, html, options);
    } catch (err) {
      if (err instanceof PdfRenderError || !(await this.crashed(browser, err))) throw err;
    }
    try {
      return await this.renderWithDeadline(await this.currentBrowser(), html, options);
    } catch (err) {
      if (err instanceof PdfRenderError || err instanceof ChromiumMissingError) throw err;
      throw new PdfRenderError(
        `PDF rendering failed twice: Chromium crashed, and the retry after a restart failed too (${errorText(err)})`,
        { cause: err },
      );
    }
  }

  /**
   * A lost browser is forgotten (and its process, if any is left, killed) so that the next
   * currentBrowser() relaunches; a closed target alone is retried in the same browser.
   */
  private async crashed(browser: Browser, err: unknown): Promise<boolean> {
    // The pipe may report the failed call a moment before it reports the disconnection.
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!browser.connected) {
      if (this.browser === browser) this.browser = null;
      browser.process()?.kill('SIGKILL');
      return true;
    }
    return /Target closed|Target crashed|Session closed|Connection closed/i.test(errorText(err));
  }

  private currentBrowser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new PdfRenderError('PdfRenderer is closed'));
    if (this.browser?.connected) return Promise.resolve(this.browser);
    this.launching ??= this.launchBrowser().finally(() => (this.launching = null));
    return this.launching;
  }

  private async launchBrowser(): Promise<Browser> {
    let browser: Browser;
    try {
      browser = await this.launch();
    } catch (err) {
      if (err instanceof ChromiumMissingError) throw err;
      throw new PdfRenderError(`Chromium could not be started: ${errorText(err)}`, { cause: err });
    }
    this.launches++;
    if (this.closed) {
      await browser.close();
      throw new PdfRenderError('PdfRenderer is closed');
    }
    browser.once('disconnected', () => {
      if (this.browser === browser) this.browser = null;
    });
    this.browser = browser;
    this.idlePages = [];
    return browser;
  }

  /** On timeout the page is closed, which also aborts whatever it was still loading. */
  private async renderWithDeadline(
    browser: Browser,
    html: string,
    options: PdfRenderOptions,
  ): Promise<Buffer> {
    const state: { page?: Page; over: boolean } = { over: false };
    const work = (async () => {
      const page = await this.takePage(browser);
      state.page = page;
      if (state.over) await page.close(); // the deadline passed while the page was opening
      return this.print(page, html, options);
    })();
    work.catch(() => undefined); // once the deadline has won, nobody listens to `work`
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.timeoutError()), this.timeoutMs);
    });
    let printed = false;
    try {
      const pdf = await Promise.race([work, deadline]);
      printed = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      state.over = true;
      if (state.page && printed) await this.putBack(browser, state.page);
      else await state.page?.close().catch(() => undefined);
    }
  }

  private takePage(browser: Browser): Promise<Page> {
    const page = this.idlePages.pop();
    if (page && !page.isClosed() && page.browser() === browser) return Promise.resolve(page);
    return browser.newPage();
  }

  /** Blank the page for the next render, or close it if it is worn out or cannot be blanked. */
  private async putBack(browser: Browser, page: Page): Promise<void> {
    const uses = (this.pageUses.get(page) ?? 0) + 1;
    const reusable =
      uses < PAGE_REUSE_LIMIT &&
      browser === this.browser &&
      (await page.goto('about:blank', { timeout: 5_000 }).then(
        () => true,
        () => false,
      ));
    if (reusable) {
      this.pageUses.set(page, uses);
      this.idlePages.push(page);
    } else {
      await page.close().catch(() => undefined);
    }
  }

  private async print(page: Page, html: string, options: PdfRenderOptions): Promise<Buffer> {
    // Our own deadline governs; puppeteer's 30 s default would fire first for a longer timeoutMs.
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      landscape: options.landscape ?? false,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate ?? EMPTY_HEADER,
      footerTemplate: options.footerTemplate ?? PAGE_NUMBER_FOOTER,
      timeout: 0,
    });
    return Buffer.from(pdf);
  }

  private timeoutError(): PdfRenderError {
    const seconds = Number((this.timeoutMs / 1000).toFixed(1));
    return new PdfRenderError(`PDF rendering took longer than ${seconds} s and was stopped`);
  }
}

/** Counting semaphore with a FIFO queue: a released slot goes straight to the oldest waiter. */
class Semaphore {
  private holders = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  get active(): number {
    return this.holders;
  }

  get queued(): number {
    return this.waiting.length;
  }

  acquire(): Promise<void> {
    if (this.holders < this.limit) {
      this.holders++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.holders--;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
