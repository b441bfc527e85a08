// The example under Vite's dev server in headless Chromium: the module is
// compiled in Debug, its .wasm served by the plugin, and an edit to the .zig
// file rebuilds it and reloads the page.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, tempDir } from '../helpers/fixtures.js';
import { browserSkip, openPage, screenshot } from './helpers/browser.js';
import { EXAMPLE, startDevServer } from './helpers/vite-build.js';
import { sampleDigest } from './helpers/web-hash.js';
import { SAMPLE } from '../../examples/web-hash/sample.js';

const skip = (!MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES') || browserSkip();

describe('the Vite dev server in Chromium', { skip }, () => {
  const expected = createHash('sha256').update(SAMPLE).digest('hex');

  test('dev-server: serves and runs the module; editing the .zig file reloads the page with the rebuilt one', async (t) => {
    // A copy of the example, which the test edits.
    const root = tempDir(t, 'zigport-web-dev-');
    for (const file of ['index.html', 'main.js', 'sample.js', 'hash.zig']) copyFileSync(join(EXAMPLE, file), join(root, file));
    const { url } = await startDevServer(t, root);
    const page = await openPage(t);
    await page.goto(url);
    assert.equal(await sampleDigest(page, { timeout: 60_000 }), expected);
    await screenshot(t, page);
    const source = readFileSync(join(root, 'hash.zig'), 'utf8');
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    writeFileSync(join(root, 'hash.zig'), source.replace('bytesToHex(digest, .lower)', 'bytesToHex(digest, .upper)'));
    await reloaded;
    assert.equal(await sampleDigest(page, { timeout: 60_000 }), expected.toUpperCase());
    assert.deepEqual(page.problems, []);
  });
});
