/**
 * PdfRenderer against Debian's real Chromium, read back with poppler (pdftotext, pdffonts,
 * pdfinfo): Korean text with an embedded Nanum font, page numbers, A4, one browser for many
 * renders, recovery from a killed browser, the deadline, and a machine without Chromium.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'puppeteer';
import {
  ChromiumMissingError,
  launchChromium,
  resolveChromiumExecutable,
} from '../../src/pdf/chromium';
import { PdfRenderError, PdfRenderer } from '../../src/pdf/pdf-renderer';

jest.setTimeout(60_000);

const KOREAN = '상담 코칭 계획 홍길동';
const ENGLISH = 'Coaching plan for agent A-001';
const html = (body: string) =>
  `<!doctype html><html lang="ko"><head><meta charset="utf-8">` +
  `<style>body { font-family: 'NanumGothic', sans-serif; }</style></head><body>${body}</body></html>`;
const COACHING_PLAN = html(`<h1>${KOREAN}</h1><p>${ENGLISH}</p>`);

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-pdf-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs a poppler tool on the PDF and returns what it prints. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  const file = path.join(tmp, `${tool}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  const args = tool === 'pdftotext' ? [file, '-'] : [file];
  return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8' });
}

describe('PdfRenderer', () => {
  let renderer: PdfRenderer;
  afterEach(() => renderer.close());

  it('renders Korean and English on A4 with an embedded Nanum font and page numbers', async () => {
    renderer = new PdfRenderer({ maxPages: 1 });
    const pdf = await renderer.render(COACHING_PLAN);

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = poppler('pdftotext', pdf);
    expect(text).toContain(KOREAN);
    expect(text).toContain(ENGLISH);
    // The footer reads "1 / 1"; at 9px pdftotext may drop the narrow spaces.
    expect(text).toMatch(/^\s*1 ?\/ ?1\s*$/m);

    // pdffonts columns, from the right: emb sub uni, then the object number and generation.
    const nanum = poppler('pdffonts', pdf)
      .split('\n')
      .filter((line) => /Nanum/i.test(line))
      .map((line) => line.trim().split(/\s+/));
    expect(nanum.length).toBeGreaterThan(0);
    for (const columns of nanum) expect(columns[columns.length - 5]).toBe('yes');

    expect(poppler('pdfinfo', pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it('numbers every page of a long document', async () => {
    renderer = new PdfRenderer({ maxPages: 1 });
    const pdf = await renderer.render(html(`<p>${ENGLISH}</p>`.repeat(120)));
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = poppler('pdftotext', pdf);
    for (let n = 1; n <= pages; n++)
      expect(text).toMatch(new RegExp(`^\\s*${n} ?/ ?${pages}\\s*$`, 'm'));
  });

  it('runs 6 renders in one browser with never more than maxPages pages open', async () => {
    let openPages = 0;
    let maxOpenPages = 0;
    let pagesCreated = 0;
    const countingLaunch = async (): Promise<Browser> => {
      const browser = await launchChromium();
      browser.on('targetcreated', (t: { type(): string }) => {
        if (t.type() !== 'page') return;
        pagesCreated++;
        maxOpenPages = Math.max(maxOpenPages, ++openPages);
      });
      browser.on('targetdestroyed', (t: { type(): string }) => {
        if (t.type() === 'page') openPages--;
      });
      return browser;
    };
    renderer = new PdfRenderer({ maxPages: 2, launch: countingLaunch });
    let maxActive = 0;
    const poll = setInterval(() => (maxActive = Math.max(maxActive, renderer.stats().active)), 2);

    const renders = Array.from({ length: 6 }, (_, i) =>
      renderer.render(html(`<h1>${KOREAN} ${i}</h1>`)),
    );
    expect(renderer.stats()).toMatchObject({ active: 2, queued: 4 });
    const pdfs = await Promise.all(renders);
    clearInterval(poll);

    pdfs.forEach((pdf, i) => expect(poppler('pdftotext', pdf)).toContain(`${KOREAN} ${i}`));
    expect(renderer.stats()).toMatchObject({ launches: 1, active: 0, queued: 0 });
    expect(maxActive).toBe(2);
    expect(maxOpenPages).toBeGreaterThan(0);
    expect(maxOpenPages).toBeLessThanOrEqual(2);
    expect(pagesCreated).toBe(2); // finished pages are reused, not reopened
  });

  it('carries nothing from one document to the next on a reused page', async () => {
    renderer = new PdfRenderer({ maxPages: 1 });
    const leaky = html(
      `<script>window.leak = 'LEAKED GLOBAL';
        setInterval(() => document.body.append('LEAKED TIMER'), 5);</script><p>${ENGLISH}</p>`,
    );
    await renderer.render(leaky);
    const next = await renderer.render(
      html(`<p id="p"></p><script>p.textContent = window.leak ?? 'clean page';</script>`),
    );
    const text = poppler('pdftotext', next);
    expect(text).toContain('clean page');
    expect(text).not.toContain('LEAKED');
  });

  it('relaunches a killed browser once, shared by the renders that find it gone', async () => {
    renderer = new PdfRenderer({ maxPages: 3 });
    await renderer.render(COACHING_PLAN);
    const first = renderer.stats().browserPid;
    expect(first).toEqual(expect.any(Number));

    process.kill(first!, 'SIGKILL');
    expect(poppler('pdftotext', await renderer.render(COACHING_PLAN))).toContain(KOREAN);
    expect(renderer.stats().launches).toBe(2);
    expect(renderer.stats().browserPid).not.toBe(first);

    process.kill(renderer.stats().browserPid!, 'SIGKILL');
    const again = await Promise.all([1, 2, 3].map(() => renderer.render(COACHING_PLAN)));
    expect(again).toHaveLength(3);
    expect(renderer.stats().launches).toBe(3);
  });

  describe('with a page that never finishes loading', () => {
    let server: http.Server;
    let port: number;
    beforeAll(async () => {
      server = http.createServer(() => undefined); // never answers
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('stops at the deadline, frees the slot, and renders the next document', async () => {
      // Generous: a render on a busy 2-core machine (CI runs other suites) can take 2-3 s.
      // The slow document is the page's first: a page reused after about:blank may not reach
      // 127.0.0.1 (Chromium's Private Network Access), and the image would fail, not hang.
      renderer = new PdfRenderer({ maxPages: 1, timeoutMs: 5000 });
      const started = Date.now();
      const slow = renderer.render(html(`<img src="http://127.0.0.1:${port}/slow">`));

      await expect(slow).rejects.toThrow(PdfRenderError);
      await expect(slow).rejects.toThrow('PDF rendering took longer than 5 s and was stopped');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(renderer.stats()).toMatchObject({ active: 0, queued: 0 });

      expect(poppler('pdftotext', await renderer.render(COACHING_PLAN))).toContain(KOREAN);
      expect(renderer.stats().launches).toBe(1);
    });
  });

  describe('without Chromium', () => {
    const nowhere = { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' };

    it('rejects with the install instructions and stays usable', async () => {
      renderer = new PdfRenderer({ launch: () => launchChromium({ env: nowhere, fallbacks: [] }) });

      for (let attempt = 0; attempt < 2; attempt++) {
        const render = renderer.render(COACHING_PLAN);
        await expect(render).rejects.toThrow(ChromiumMissingError);
        await expect(render).rejects.toThrow('sudo apt-get install -y chromium fonts-nanum');
      }
      expect(renderer.stats()).toEqual({ launches: 0, active: 0, queued: 0, browserPid: null });
    });

    it('falls back to Debian’s path when PUPPETEER_EXECUTABLE_PATH does not exist', () => {
      expect(resolveChromiumExecutable(nowhere)).toBe('/usr/bin/chromium');
      expect(() => resolveChromiumExecutable(nowhere, [])).toThrow(
        'set PUPPETEER_EXECUTABLE_PATH to a Chromium/Chrome executable',
      );
    });
  });
});
