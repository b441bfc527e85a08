// The example's production build, served over HTTP and opened in headless
// Chromium: the sample button's SHA-256, computed by Zig in the page, is
// the one Node's crypto computes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { MODES } from '../helpers/fixtures.js';
import { browserSkip, openPage, screenshot } from './helpers/browser.js';
import { serveStatic } from './helpers/static-server.js';
import { EXAMPLE, buildPage } from './helpers/vite-build.js';
import { sampleDigest } from './helpers/web-hash.js';
import { SAMPLE } from '../../examples/web-hash/sample.js';

const skip = (!MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES') || browserSkip();

/** Opens `url` in a fresh page, clicks the sample button, and returns the digest shown. */
async function digestAt(t, url) {
  const page = await openPage(t);
  await page.goto(url);
  const digest = await sampleDigest(page);
  await screenshot(t, page);
  assert.deepEqual(page.problems, []);
  return digest;
}

describe('the built page in Chromium', { skip }, () => {
  const expected = createHash('sha256').update(SAMPLE).digest('hex');

  test('web-hash: the sample button shows the SHA-256 Node computes', async (t) => {
    const { dir } = await buildPage(t, EXAMPLE);
    assert.equal(await digestAt(t, await serveStatic(t, dir)), expected);
  });

  test('web-hash with embedWASM: the same digest, no .wasm fetched', async (t) => {
    const { dir } = await buildPage(t, EXAMPLE, { embedWASM: true });
    assert.equal(await digestAt(t, await serveStatic(t, dir)), expected);
  });
});
