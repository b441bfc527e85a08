// Compile failures: a module Zig rejects, and a ZIG that is not a Zig zigport supports
// (tests/compiler/zig-versions.test.js covers choosing among supported ones).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MODES, copyFixtures, freshCacheDir, importFixture, modeOptions, runNode, tempDir,
} from '../helpers/fixtures.js';

const REQUIRED_VERSION = '0.15.2';

/** Writes an app into `dir` that imports `./<file>` and prints `version()`. */
function writeApp(dir, file, mode) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  const specifier = `./${file}${search ? `?${search}` : ''}`;
  const app = join(dir, 'app.mjs');
  writeFileSync(app, `const m = await import(${JSON.stringify(specifier)});\nconsole.log(m.version());\n`);
  return app;
}

/** An executable shell script `name` in a temp dir, with body `body`. */
function script(t, name, body) {
  const path = join(tempDir(t, 'zigport-bin-'), name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

for (const mode of MODES) {
  describe(`${mode}: compile failures`, () => {
    test("a compile error rejects the import with Zig's diagnostic", async () => {
      await assert.rejects(importFixture('compiler/type-error', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /type-error\.zig:3:12: error: expected type 'u32', found '\*const \[9:0\]u8'/);
        assert.match(err.message, /return "forty-two";/, 'the offending source line is shown');
        return true;
      });
    });

    test('a failed compile leaves no library and no scratch files in the cache', (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/type-error.zig']);
      const app = writeApp(src, 'type-error.zig', mode);
      const { status, stdout, stderr } = runNode([app], { env: { ZIGPORT_CACHE_DIR: cache } });
      assert.notEqual(status, 0);
      assert.equal(stdout, '');
      assert.match(stderr, /type-error\.zig:3:12: error:/);
      const modules = join(cache, 'modules');
      assert.deepEqual(existsSync(modules) ? readdirSync(modules) : [], []);
      assert.deepEqual(readdirSync(cache).filter((name) => name.startsWith('tmp')), []);
    });

    test('ZIG pointing at a program that is not zig is refused, naming the required version', (t) => {
      const notZig = script(t, 'zig', 'echo "usage: not-zig [options]"; exit 1');
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', mode);
      const { status, stdout, stderr } = runNode([app], {
        env: { ZIG: notZig, ZIGPORT_CACHE_DIR: freshCacheDir(t) },
      });
      assert.notEqual(status, 0);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`needs Zig ${REQUIRED_VERSION.replaceAll('.', '\\.')}`));
      assert.ok(stderr.includes(notZig), `the message names the rejected binary:\n${stderr}`);
    });

    test('ZIG pointing at another Zig version is refused, naming both versions', (t) => {
      const oldZig = script(t, 'zig', 'echo 0.14.1');
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', mode);
      const { status, stdout, stderr } = runNode([app], {
        env: { ZIG: oldZig, ZIGPORT_CACHE_DIR: freshCacheDir(t) },
      });
      assert.notEqual(status, 0);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`needs Zig ${REQUIRED_VERSION.replaceAll('.', '\\.')}`));
      assert.match(stderr, /0\.14\.1/);
    });
  });
}
