// The compile cache when things go wrong: a compile killed midway leaves
// nothing a later import trusts, and a cache directory that cannot be
// created or is full gets one clear error naming it and ZIGPORT_CACHE_DIR,
// not a file system error's stack. (Concurrent cold imports: cache.test.js.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MODES, REGISTER, ROOT, TEST_CACHE_DIR, copyFixtures, freshCacheDir, modeOptions, runNode, tempDir,
} from '../helpers/fixtures.js';
import { recordingZig } from '../helpers/recording-zig.js';

/** Writes `app.mjs` into `dir`, which imports source-version.zig in `mode` and prints `version()`. */
function writeApp(dir, mode) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  const specifier = `./source-version.zig${search ? `?${search}` : ''}`;
  writeFileSync(join(dir, 'app.mjs'), `const m = await import(${JSON.stringify(specifier)});\nconsole.log(m.version());\n`);
  return join(dir, 'app.mjs');
}

/**
 * Starts the import of `app` in its own process group and kills the whole
 * group (node and the zig it runs) with SIGKILL once `zig` (a stalling
 * recording zig) has been asked to compile; resolves when the process is gone.
 */
function killDuringCompile(app, env, zigLog) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REGISTER, app], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    const poll = setInterval(() => {
      if (!/^build/m.test(readFileSync(zigLog, 'utf8'))) return;
      clearInterval(poll);
      process.kill(-child.pid, 'SIGKILL');
    }, 50);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearInterval(poll);
      resolve({ status, signal, stderr });
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: the compile cache under pressure`, () => {
    test('a compile killed midway leaves no entry, and the next import compiles and works', async (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, mode);
      const { zig, log } = recordingZig(t, { stallCompiles: 60 });
      const killed = await killDuringCompile(app, { ZIGPORT_CACHE_DIR: cache, ZIG: zig }, log);
      assert.equal(killed.signal, 'SIGKILL', `the import ended before it could be killed: ${killed.stderr}`);
      assert.deepEqual(readdirSync(join(cache, 'modules')), [], 'no library from the killed compile');
      assert.equal(readdirSync(join(cache, 'locks')).length, 1, 'the dead compile left its lock');

      const { status, stdout, stderr } = runNode([app], { env: { ZIGPORT_CACHE_DIR: cache } });
      assert.equal(status, 0, stderr);
      assert.equal(stdout, '1\n');
      assert.equal(readdirSync(join(cache, 'modules')).length, 1);
      assert.deepEqual(readdirSync(join(cache, 'locks')), [], 'the stale lock was taken over and released');
    });

    test('a cache directory below a regular file gets an error naming it and ZIGPORT_CACHE_DIR', (t) => {
      const dir = tempDir(t);
      writeFileSync(join(dir, 'file'), '');
      const cache = join(dir, 'file', 'cache');
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const { status, stdout, stderr } = runNode([writeApp(src, mode)], { env: { ZIGPORT_CACHE_DIR: cache } });
      assert.equal(status, 1);
      assert.equal(stdout, '');
      assert.match(stderr, /CacheDirectoryError\]?: zigport's cache directory \S+\/file\/cache cannot be created: part of its path is a file/);
      assert.match(stderr, /set ZIGPORT_CACHE_DIR to a writable directory/);
      assert.doesNotMatch(stderr, /at mkdirSync|node:fs/, 'no stack of the file system call');
    });

    test('the same error reaches require() of a .zig file', (t) => {
      const dir = tempDir(t);
      writeFileSync(join(dir, 'file'), '');
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const script = `require(${JSON.stringify(join(ROOT, 'js', 'cjs.cjs'))}); try { require(${JSON.stringify(join(src, 'source-version.zig'))}); }`
        + ' catch (err) { console.log(err.name + ": " + err.message); }';
      const env = { ZIGPORT_CACHE_DIR: join(dir, 'file', 'cache'), ZIGPORT_TARGET: mode };
      const { status, stdout, stderr } = runNode(['-e', script], { env });
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^CacheDirectoryError: zigport's cache directory .*ZIGPORT_CACHE_DIR/);
    });
  });
}

describe('a full cache directory', () => {
  test('a compile that runs out of space says the cache directory is full and what to do', (t) => {
    const mount = join(tempDir(t, 'zigport-full-'), 'cache');
    mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      t.skip(`a tiny tmpfs cannot be mounted here (${mounted.stderr.trim() || 'mount failed'})`);
      return;
    }
    // Unmounted now rather than in a hook, which would run after the folder's removal.
    try {
      assertFullDiskError(t, mount);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});

/** Imports a module with its cache on the full file system at `mount`; checks the error. */
function assertFullDiskError(t, mount) {
  // Zig's compiled std comes from the shared cache; only this module's files must fit.
  const shared = join(TEST_CACHE_DIR, 'zig-global-cache');
  mkdirSync(shared, { recursive: true });
  symlinkSync(shared, join(mount, 'zig-global-cache'));
  const src = copyFixtures(t, ['compiler/source-version.zig']);
  const { status, stderr } = runNode([writeApp(src, MODES[0])], { env: { ZIGPORT_CACHE_DIR: mount } });
  assert.equal(status, 1);
  assert.match(stderr, new RegExp(`zigport's cache directory ${mount} is full: no space left on its device \\(ENOSPC\\)`));
  assert.match(stderr, /npx zigport cache prune/);
  assert.doesNotMatch(stderr, /NoSpaceLeft/, 'not pages of Zig\'s warnings');
}
