// Driving the web-hash example's page: click its sample button and read the
// digest it shows, failing with what the page threw or logged if it cannot.
import { reported, whenReady } from './browser.js';

/** The digest `page` shows for its sample text, once it is ready. */
export async function sampleDigest(page, { timeout = 30_000 } = {}) {
  await whenReady(page, { timeout });
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#digest').textContent !== '', null, { timeout: 10_000 })
    .catch((err) => { throw reported(page, err); });
  return page.textContent('#digest');
}
