// build.zig.zon URL dependencies come from Zig's package cache: one put
// there beforehand (`zig fetch`) builds with no network; one that is not
// there is a ZigCompileError saying how to get it. Each test builds a copy
// of the path-dependency fixture whose dependency is turned into a URL one.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, ROOT, freshCacheDir, modeOptions, runNode, tempDir, zigBinary } from '../helpers/fixtures.js';

/** A copy of zig-fixtures/build/zon-path-dependency whose crc32 dependency is `.url` with `hash`. */
function urlDependencyCopy(t, hash) {
  const dir = tempDir(t, 'zigport-package-');
  cpSync(join(ROOT, 'zig-fixtures', 'build', 'zon-path-dependency'), dir, { recursive: true });
  const zon = join(dir, 'build.zig.zon');
  const text = readFileSync(zon, 'utf8').replace('.path = "vendor/crc32"',
    `.url = "https://packages.invalid/crc32-0.1.0.tar.gz", .hash = "${hash}"`);
  writeFileSync(zon, text);
  return dir;
}

/** Puts the vendored crc32 package into the Zig package cache under `cache`; returns its hash. */
function fetchIntoCache(t, cache) {
  // Zig 0.16 and later fetch within a project (a folder with a build.zig),
  // and 0.17's fetch takes the global cache only from the environment.
  const project = tempDir(t, 'zigport-fetch-');
  writeFileSync(join(project, 'build.zig'), 'pub fn build(_: *@import("std").Build) void {}\n');
  const { status, stdout, stderr } = spawnSync(zigBinary(), [
    'fetch', join(ROOT, 'zig-fixtures', 'build', 'zon-path-dependency', 'vendor', 'crc32'),
  ], { cwd: project, env: { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(cache, 'zig-global-cache') }, encoding: 'utf8' });
  assert.equal(status, 0, stderr);
  return stdout.trim();
}

function importChecksum(dir, mode, cache) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  writeFileSync(join(dir, 'app.mjs'), [
    `const m = await import(${JSON.stringify(`./checksum.zig?${search}`)});`,
    "console.log(m.checksum('123456789').toString(16));",
  ].join('\n'));
  return runNode([join(dir, 'app.mjs')], { env: { ZIGPORT_CACHE_DIR: cache } });
}

for (const mode of MODES) {
  describe(`${mode}: build.zig.zon URL dependencies`, () => {
    test("one in Zig's package cache builds without the network", (t) => {
      const cache = freshCacheDir(t);
      const dir = urlDependencyCopy(t, fetchIntoCache(t, cache));
      // Only the package cache has it now.
      rmSync(join(dir, 'vendor'), { recursive: true });
      const { status, stdout, stderr } = importChecksum(dir, mode, cache);
      assert.equal(status, 0, stderr);
      assert.equal(stdout.trim(), 'cbf43926');
    });

    test('one missing with no network is a ZigCompileError with what to do', (t) => {
      const cache = freshCacheDir(t);
      const dir = urlDependencyCopy(t, 'crc32-0.1.0-NotInTheCacheAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      const { status, stderr } = importChecksum(dir, mode, cache);
      assert.notEqual(status, 0);
      assert.match(stderr, /ZigCompileError/);
      // Zig's own error, pointing into the user's build.zig.zon, then zigport's hint.
      assert.match(stderr, new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/build\\.zig\\.zon:\\d+:\\d+: error: `));
      assert.match(stderr, /not in Zig's package cache and could not be downloaded: fetch it once while online/);
    });
  });
}
