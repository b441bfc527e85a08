// Node without zigport's addon (ZIGPORT_NO_ADDON=1, as where it cannot be
// built): WebAssembly modules load and run; a native one is refused with an
// error that says why and what loads instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGISTER, fixtureUrl, spawnNode } from '../helpers/fixtures.js';

const FIXTURE = 'loader/reports-build-mode';

/** Runs `code` (an ES module body) in a Node with the loader and no addon. */
function runWithoutAddon(code) {
  return spawnNode(['--import', REGISTER, '--input-type=module', '-e', code], { env: { ZIGPORT_NO_ADDON: '1' } });
}

test('without the addon a WebAssembly module loads and runs', async () => {
  const url = fixtureUrl(FIXTURE, { target: 'wasm' }).href;
  const { status, stdout, stderr } = await runWithoutAddon(`const { add } = await import(${JSON.stringify(url)}); console.log(add(20, 22));`);
  assert.equal(status, 0, stderr);
  assert.equal(stdout.trim(), '42');
});

test('without the addon a native module is refused, saying why and what loads instead', async () => {
  const url = fixtureUrl(FIXTURE).href;
  const { status, stderr } = await runWithoutAddon(`await import(${JSON.stringify(url)});`);
  assert.notEqual(status, 0);
  assert.match(stderr, /zigport's native addon is disabled \(ZIGPORT_NO_ADDON=1\); only WebAssembly modules \(target=wasm\) load/);
});
