// Headless Chromium for the browser tests: Debian's chromium (installed by
// `scripts/setup.sh --browser`) driven by playwright-core, with a fresh
// profile per test. Screenshots land in .zigport-cache/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../../helpers/fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * `skip` for a browser test: a reason when chromium is missing, unless the
 * run requires it (scripts/test.sh sets ZIGPORT_REQUIRE_BROWSER), where the
 * test then fails on launching it.
 */
export function browserSkip() {
  if (existsSync(CHROMIUM) || process.env.ZIGPORT_REQUIRE_BROWSER) return false;
  return `${CHROMIUM} is missing; install it with scripts/setup.sh --browser`;
}

/**
 * A page of a fresh headless Chromium, closed after test `t`. Errors the
 * page throws and what it logs are kept in `page.problems` and `page.logs`.
 */
export async function openPage(t) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(tempDir(t, 'zigport-chromium-'), {
    executablePath: CHROMIUM, headless: true, args: ARGS,
  });
  t.after(() => context.close());
  const page = context.pages()[0] ?? await context.newPage();
  page.problems = [];
  page.logs = [];
  page.on('pageerror', (err) => page.problems.push(err.message));
  page.on('console', (message) => page.logs.push(message.text()));
  return page;
}

/** Saves a screenshot of `page` named after test `t`, and logs where. */
export async function screenshot(t, page) {
  const dir = join(ROOT, '.zigport-cache', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${t.name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  t.diagnostic(`screenshot: ${path}`);
  return path;
}

/**
 * Waits until `page` marks its body `data-ready="true"`; a page whose
 * module throws never does, so its first error ends the wait, with what it
 * reported.
 */
export async function whenReady(page, { timeout = 30_000 } = {}) {
  // It may have thrown already, while it loaded.
  const thrown = new Promise((_, reject) => {
    if (page.problems.length > 0) reject(new Error('the page threw while it loaded'));
    page.once('pageerror', reject);
  });
  await Promise.race([page.waitForSelector('body[data-ready="true"]', { timeout }), thrown]).catch((err) => {
    throw reported(page, err);
  });
}

/** `err` with what `page` threw and logged added. */
export function reported(page, err) {
  return new Error(`${err.message}; the page reported: ${[...page.problems, ...page.logs].join(' | ') || 'nothing'}`);
}
