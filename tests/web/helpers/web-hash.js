// Driving the web-hash example's page: click its sample button and read the
// digest it shows, failing with what the page threw or logged if it cannot.
const READY = 'body[data-ready="true"]';

/** The digest `page` shows for its sample text, once it is ready. */
export async function sampleDigest(page, { timeout = 30_000 } = {}) {
  const explain = (err) => new Error(`${err.message}; the page reported: ${[...page.problems, ...page.logs].join(' | ') || 'nothing'}`);
  await page.waitForSelector(READY, { timeout }).catch((err) => { throw explain(err); });
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#digest').textContent !== '', null, { timeout: 10_000 })
    .catch((err) => { throw explain(err); });
  return page.textContent('#digest');
}
