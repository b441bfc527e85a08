// The same checks (parity-page/checks.js: a struct class, strings, a thrown
// Zig error, console output, memory growth) run on one Zig module in
// headless Chromium, built by Vite, and in Node's WebAssembly mode: the
// results are equal.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MODES, ROOT, importFixture } from '../helpers/fixtures.js';
import { browserSkip, openPage, screenshot, whenReady } from './helpers/browser.js';
import { serveStatic } from './helpers/static-server.js';
import { buildPage } from './helpers/vite-build.js';
import { runChecks } from './parity-page/checks.js';

const skip = (!MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES') || browserSkip();
const PAGE = join(ROOT, 'tests', 'web', 'parity-page');

describe('parity between the browser and Node', { skip }, () => {
  test('parity: the checks give the same results in Chromium as in Node\'s wasm mode', async (t) => {
    // The same build options as the page's: Vite's production defaults.
    const inNode = runChecks(await importFixture('web/parity', { mode: 'wasm', optimize: 'ReleaseSmall', strip: '1' }));
    assert.equal(inNode.console.length, 1, 'the Node run captured what Zig printed');
    const { dir } = await buildPage(t, PAGE);
    const page = await openPage(t);
    await page.goto(await serveStatic(t, dir));
    await whenReady(page);
    await screenshot(t, page);
    const inBrowser = JSON.parse(await page.textContent('#results'));
    assert.deepEqual(inBrowser, JSON.parse(JSON.stringify(inNode)));
    assert.deepEqual(page.problems, []);
  });
});
