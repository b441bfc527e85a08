// CommonJS: `require('zigport/cjs')`, then `require('./f.zig')`, in plain
// `node` processes (no --import): the shape of what require() gives, a
// compile on first use and none afterwards, zigport installed as a package
// with its project's zigport.config.json, errors thrown synchronously, and
// a clear refusal where Node cannot require() ES modules.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MODES, ROOT, copyFixtures, freshCacheDir, importFixture, spawnNode,
} from '../helpers/fixtures.js';
import { recordingZig } from '../helpers/recording-zig.js';

/** Runs the .cjs `script` with plain node in `mode`; resolves to its exit and output. */
function runCjs(script, mode, { env = {}, cwd = ROOT, args = [] } = {}) {
  return spawnNode([...args, script], { cwd, env: { ZIGPORT_TARGET: mode, ZIGPORT_OPTIMIZE: undefined, ...env } });
}

/**
 * A project with zigport installed in node_modules (a copy, as npm installs
 * it), a zigport.config.json leaving its variables out, a copy of a fixture
 * and an app that requires it through 'zigport/cjs'.
 */
function installedProject(t) {
  const dir = copyFixtures(t, ['loader/reports-build-mode.zig']);
  cpSync(join(ROOT, 'js'), join(dir, 'node_modules', 'zigport'), { recursive: true, dereference: true });
  writeFileSync(join(dir, 'zigport.config.json'), JSON.stringify({ omitVariables: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  writeFileSync(join(dir, 'app.cjs'), [
    "require('zigport/cjs');",
    "const m = require('./reports-build-mode.zig');",
    "console.log(JSON.stringify({ sum: m.add(2, 3), hasVariable: 'calls' in m, wasm: m.isWasm() }));",
  ].join('\n'));
  return join(dir, 'app.cjs');
}

const BUILD_COMMAND = { native: /^build-lib /m, wasm: /^build-exe -target wasm32-wasi /m };

for (const mode of MODES) {
  describe(`${mode}: require() of a .zig file`, () => {
    test('gives the namespace with __zigar on it: functions, classes, variables; the same object twice', async () => {
      const { status, stdout, stderr } = await runCjs('tests/apps/require-geometry.cjs', mode);
      assert.equal(status, 0, stderr);
      const seen = JSON.parse(stdout);
      assert.deepEqual(seen.keys, [
        'norm', 'midpoint', 'raise', 'swap', 'cursorX', 'moveCursor',
        'Point', 'Kind', 'Segment', 'Flags', 'Pair', 'cursor', 'unit',
      ]);
      assert.equal(seen.sameObject, true);
      assert.deepEqual(seen.zigar, {
        enumerable: false,
        writable: false,
        members: ['abandon', 'alignOf', 'init', 'on', 'redirect', 'set', 'sizeOf', 'typeOf'],
      });
      assert.equal(seen.initIsPromise, mode === 'wasm');
      assert.equal(seen.norm, 5);
      assert.equal(seen.pointIsClass, true);
      assert.equal(seen.pointY, 2.5);
      assert.equal(seen.sizeOfPoint, 16);
      assert.equal(seen.kindArrow, 5);
      // Written through the exports object, then moved by Zig: one variable.
      assert.equal(seen.cursorAfterMove, 3);
      assert.equal(seen.cursorX, 3);
      assert.equal(seen.extensible, false);
    });

    test('installed as a package: compiles once with the project\'s config, then a second process compiles nothing', async (t) => {
      const app = installedProject(t);
      const { zig, log } = recordingZig(t);
      const env = { ZIGPORT_CACHE_DIR: freshCacheDir(t), ZIG: zig };

      const cold = await runCjs(app, mode, { env, cwd: join(app, '..') });
      assert.equal(cold.status, 0, cold.stderr);
      assert.deepEqual(JSON.parse(cold.stdout), { sum: 5, hasVariable: false, wasm: mode === 'wasm' });
      assert.match(readFileSync(log, 'utf8'), BUILD_COMMAND[mode], 'the first require compiled');
      writeFileSync(log, '');

      const warm = await runCjs(app, mode, { env, cwd: join(app, '..') });
      assert.equal(warm.status, 0, warm.stderr);
      assert.deepEqual(JSON.parse(warm.stdout), { sum: 5, hasVariable: false, wasm: mode === 'wasm' });
      assert.equal(readFileSync(log, 'utf8'), '', 'zig was invoked by a require the cache could answer');
      assert.equal(warm.stderr, '');
    });

    test('a compile error and a missing file throw synchronously, catchably, as an import would', async () => {
      const { status, stdout, stderr } = await runCjs('tests/apps/require-failures.cjs', mode);
      assert.equal(status, 0, stderr);
      const { compileError, missing, isZigCompileError } = JSON.parse(stdout);
      assert.equal(compileError.name, 'ZigCompileError');
      assert.equal(isZigCompileError, true);
      assert.match(compileError.message, /type-error\.zig:3:12: error: expected type 'u32'/);
      // The same error, word for word, as the ES import of the same file.
      const imported = await importFixture('compiler/type-error', { mode }).then(() => null, (err) => err);
      assert.equal(compileError.message, imported.message);
      assert.equal(compileError.file, imported.file);
      assert.equal(missing.code, 'MODULE_NOT_FOUND');
      assert.match(missing.message, /Cannot find module '\.\/no-such-module\.zig'/);
    });
  });
}

test('where Node cannot require() ES modules, zigport/cjs says so and what to do', async () => {
  const { status, stderr } = await runCjs('tests/apps/require-geometry.cjs', 'native', {
    args: ['--no-experimental-require-module'],
  });
  assert.notEqual(status, 0);
  assert.match(stderr, /zigport\/cjs needs a Node\.js that can require\(\) ES modules \(20\.19 or later, 22\.12 or later\)/);
  assert.match(stderr, /--no-experimental-require-module/);
  assert.match(stderr, /node --import zigport\/register/);
});
