import type { Page, TestInfo } from '@playwright/test';
import { artifactPath } from './paths.js';

/**
 * Saves a full-page screenshot to e2e/artifacts/<name>.png, from the top of the page (so
 * the sticky header sits where it belongs), and attaches it to the test report when asked.
 */
export async function saveScreenshot(page: Page, name: string, testInfo?: TestInfo) {
  await page.evaluate('window.scrollTo(0, 0)');
  const body = await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
  if (testInfo) await testInfo.attach(name, { body, contentType: 'image/png' });
  return body;
}
