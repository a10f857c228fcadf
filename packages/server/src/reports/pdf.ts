import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '@sextant/core';

/** Where Chromium is unless `SEXTANT_CHROMIUM` says otherwise (Debian's package). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (servers often run as root in containers), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** At most this many reports print at once; the others wait their turn. */
const MAX_CONCURRENT_PAGES = 4;
const TIMEOUT_MS = 30_000;

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEXTANT_CHROMIUM || DEFAULT_CHROMIUM;
}

function unavailable(executablePath: string, why: string): AppError {
  return new AppError(
    'unavailable',
    `PDF reports need Chromium, which ${why} (${executablePath}). Install it (Debian: apt-get install chromium) or set SEXTANT_CHROMIUM to its path; the HTML and Markdown reports work without it.`,
    { executablePath },
  );
}

/**
 * Prints HTML to PDF with headless Chromium. One browser, launched on the first request and
 * reused (a fresh context per document, JavaScript off, every network request refused);
 * relaunched if it dies; closed with the app.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private closed = false;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly executablePath: string = chromiumPath()) {}

  private launch(): Promise<Browser> {
    if (this.browser) return this.browser;
    if (!existsSync(this.executablePath)) {
      throw unavailable(this.executablePath, 'is not installed where Sextant looks');
    }
    // playwright-core takes seconds to load: only when the first PDF is asked for.
    const launching = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: this.executablePath,
          args: [...CHROMIUM_ARGS],
          headless: true,
          timeout: TIMEOUT_MS,
        }),
      )
      .then((browser) => {
        browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = null;
        });
        return browser;
      });
    // A failed start is not kept: the next request tries again.
    launching.catch(() => {
      if (this.browser === launching) this.browser = null;
    });
    this.browser = launching;
    return launching;
  }

  private async slot(): Promise<() => void> {
    if (this.running >= MAX_CONCURRENT_PAGES) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running += 1;
    return () => {
      this.running -= 1;
      this.waiting.shift()?.();
    };
  }

  /** An A4 PDF of the page, backgrounds printed. 503 when Chromium is missing or will not start. */
  async print(html: string): Promise<Buffer> {
    if (this.closed) throw unavailable(this.executablePath, 'is shutting down with the server');
    const release = await this.slot();
    try {
      let browser: Browser;
      try {
        browser = await this.launch();
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw unavailable(this.executablePath, 'could not be started');
      }
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        // The report is self-contained; nothing it could name is fetched.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load', timeout: TIMEOUT_MS });
        return await page.pdf({ format: 'A4', printBackground: true });
      } finally {
        await context.close();
      }
    } finally {
      release();
    }
  }

  /** Closes the browser, if one was started. Called from the app's onClose hook. */
  async close(): Promise<void> {
    this.closed = true;
    const launching = this.browser;
    this.browser = null;
    if (!launching) return;
    const browser = await launching.catch(() => null);
    await browser?.close();
  }
}
