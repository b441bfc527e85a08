// The addon-free WebAssembly host in Deno and Bun (both installed from the
// npm registry as development packages): the parity checks
// (parity-page/checks.js) run there on the same compiled module give what
// they give in Node's WebAssembly mode.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, ROOT, fixtureUrl, importFixture } from '../helpers/fixtures.js';
import { compileModule } from '../../js/internal/compiler/index.js';
import { parseOptions } from '../../js/internal/compiler/options.js';
import { runChecks } from './parity-page/checks.js';

const RUNNER = join(ROOT, 'tests', 'web', 'runtime-runner.mjs');
const BUILD = { optimize: 'ReleaseSmall', strip: '1' };
const RUNTIMES = {
  deno: (wasm) => ['run', '--allow-read', '--allow-env', RUNNER, wasm],
  bun: (wasm) => ['run', RUNNER, wasm],
};

describe('the WebAssembly host in other runtimes', { skip: !MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES' }, () => {
  for (const [runtime, args] of Object.entries(RUNTIMES)) {
    test(`${runtime}: the parity checks give what they give in Node`, async () => {
      const binary = join(ROOT, 'node_modules', '.bin', runtime);
      assert.ok(existsSync(binary), `${binary} is installed (npm install)`);
      const url = fixtureUrl('web/parity', BUILD);
      const path = new URL(url.pathname, 'file:').pathname;
      const wasm = await compileModule(path, parseOptions(new URLSearchParams({ ...BUILD, target: 'wasm' }), {}, path));
      const inNode = runChecks(await importFixture('web/parity', { mode: 'wasm', ...BUILD }));
      const output = execFileSync(binary, args(wasm), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.deepEqual(JSON.parse(output), JSON.parse(JSON.stringify(inNode)));
    });
  }
});
