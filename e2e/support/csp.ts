import { expect, type Page, type Response } from '@playwright/test';

/** One thing the browser refused under the page's Content-Security-Policy. */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: Omit<CspViolation, 'page'>[];
  }
}

/**
 * Records every Content-Security-Policy violation on `page`: the `securitypolicyviolation`
 * events (from an init script, which the policy does not govern) and Chromium's console
 * errors about the policy ("Refused to … because it violates …"). Call before the first
 * navigation; `take()` returns what was seen since the last call.
 */
export function watchCsp(page: Page): { take(): Promise<CspViolation[]> } {
  const fromConsole: CspViolation[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) {
      fromConsole.push({ page: page.url(), directive: 'console', blocked: '', sample: text });
    }
  });
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  return {
    async take() {
      const url = page.url();
      const fromEvents = await page
        .evaluate(() => window.__cspViolations?.splice(0) ?? [])
        .catch(() => []);
      return [...fromEvents.map((v) => ({ page: url, ...v })), ...fromConsole.splice(0)];
    },
  };
}

/** A Content-Security-Policy header as directive → sources. */
export function parsePolicy(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([directive, ...sources]) => [directive as string, sources]),
  );
}

/**
 * The document was served with a strict policy: scripts from its own origin only and never
 * inline or eval'd, no plugins, no <base> elsewhere, never framed.
 */
export function expectStrictPolicy(response: Response | null): void {
  const header = response?.headers()['content-security-policy'];
  expect(header, `a Content-Security-Policy on ${response?.url()}`).toBeTruthy();
  const csp = parsePolicy(header);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [directive, sources] of csp) {
    expect(sources, directive).not.toContain("'unsafe-eval'");
    if (directive.startsWith('script-src')) {
      expect(sources, directive).not.toContain("'unsafe-inline'");
    }
  }
}
