// Keeping the compile cache small: `zigport cache info` and `zigport cache
// prune` over a cache of stand-in entries of known sizes and last uses, and
// the automatic size cap after a real compile, which removes the least
// recently used modules but never the new one or one in use.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MODES, ROOT, copyFixtures, freshCacheDir, modeOptions, runNode } from '../helpers/fixtures.js';

const CLI = join(ROOT, 'js', 'bin', 'zigport.js');
const DAY = 86_400_000;

/** Runs `zigport ...args` with cache `cache`; `{ status, stdout, stderr }`. */
function zigport(args, cache, env = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ZIGPORT_CACHE_MAX_SIZE: '', ...env, ZIGPORT_CACHE_DIR: cache }, encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a stand-in module `name` of `size` bytes into cache `cache`, last used `ageMs` ago. */
function entry(cache, name, size, ageMs) {
  const dir = join(cache, 'modules');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(size));
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return path;
}

function modules(cache) {
  return readdirSync(join(cache, 'modules')).sort();
}

const KEY = '0123456789abcdef0123456789abcdef';

describe('zigport cache', () => {
  test('info shows the location, the number of modules and their size', (t) => {
    const cache = freshCacheDir(t);
    entry(cache, `a-${KEY}.so`, 3 * 1024, 2 * DAY);
    entry(cache, `b-${KEY}.wasm`, 1024, 0);
    const { status, stdout, stderr } = zigport(['cache', 'info'], cache);
    assert.equal(status, 0, stderr);
    assert.match(stdout, new RegExp(`^location: +${cache}$`, 'm'));
    assert.match(stdout, /^modules: +2 \(4\.0 KB\)$/m);
    assert.match(stdout, /^size limit: +1\.0 GB \(default\)$/m);
  });

  test('prune --older-than removes the modules not used for that long, and their build folders', (t) => {
    const cache = freshCacheDir(t);
    entry(cache, `old-${KEY}.so`, 100, 40 * DAY);
    entry(cache, 'recent-11111111111111111111111111111111.so', 100, 2 * DAY);
    mkdirSync(join(cache, 'builds', KEY), { recursive: true });
    const dry = zigport(['cache', 'prune', '--older-than', '30d', '--dry-run'], cache);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, new RegExp(`^would remove old-${KEY}\\.so \\(100 B\\)$`, 'm'));
    assert.equal(modules(cache).length, 2, '--dry-run removes nothing');

    const run = zigport(['cache', 'prune', '--older-than', '30d'], cache);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^removed 1 module \(100 B\); 1 kept \(100 B\)/m);
    assert.deepEqual(modules(cache), ['recent-11111111111111111111111111111111.so']);
    assert.equal(existsSync(join(cache, 'builds', KEY)), false);
  });

  test("prune --older-than removes code caches of zigport's scripts written that long ago", (t) => {
    const cache = freshCacheDir(t);
    const code = join(cache, 'code');
    mkdirSync(code, { recursive: true });
    const old = join(code, 'hooks.script-0123456789abcdef-v20.0.0-x64-100-1.v8');
    const recent = join(code, 'shared-bundle.script-0123456789abcdef-v20.0.0-x64-100-2.v8');
    writeFileSync(old, Buffer.alloc(300));
    writeFileSync(recent, Buffer.alloc(200));
    const when = new Date(Date.now() - 40 * DAY);
    utimesSync(old, when, when);
    const info = zigport(['cache', 'info'], cache);
    assert.match(info.stdout, /^code caches: +500 B \(V8's, of zigport's own scripts\)$/m);
    const dry = zigport(['cache', 'prune', '--older-than', '30d', '--dry-run'], cache);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^would remove code\/hooks\.script-\S+\.v8 \(a code cache of zigport's scripts, 300 B\)$/m);
    assert.equal(readdirSync(code).length, 2, '--dry-run removes nothing');
    const pruned = zigport(['cache', 'prune', '--older-than', '30d'], cache);
    assert.equal(pruned.status, 0, pruned.stderr);
    assert.deepEqual(readdirSync(code), [basename(recent)]);
  });

  test('prune --max-size removes the least recently used first, and spares modules in use', (t) => {
    const cache = freshCacheDir(t);
    entry(cache, 'oldest.so', 1000, 3 * DAY);
    entry(cache, 'older.so', 1000, 2 * DAY);
    entry(cache, 'newer.so', 1000, 1 * DAY);
    // Used a moment ago: spared even though the limit is not met without it.
    entry(cache, 'in-use.so', 1000, 1000);
    const { status, stdout, stderr } = zigport(['cache', 'prune', '--max-size', '1500'], cache);
    assert.equal(status, 0, stderr);
    assert.deepEqual(modules(cache), ['in-use.so']);
    assert.match(stdout, /^removed 3 modules/m);
  });

  test('bad sizes, ages and actions are refused with the usage', (t) => {
    const cache = freshCacheDir(t);
    const size = zigport(['cache', 'prune', '--max-size', 'lots'], cache);
    assert.equal(size.status, 1);
    assert.match(size.stderr, /--max-size must be a size such as 500MB.*not "lots"/);
    const age = zigport(['cache', 'prune', '--older-than', '30'], cache);
    assert.match(age.stderr, /--older-than must be a duration such as 30d/);
    const action = zigport(['cache', 'clear'], cache);
    assert.equal(action.status, 2);
    assert.match(action.stderr, /unknown action "clear"; use info or prune \(zigport help cache\)/);
    const env = zigport(['cache', 'info'], cache, { ZIGPORT_CACHE_MAX_SIZE: '1 lot' });
    assert.match(env.stderr, /ZIGPORT_CACHE_MAX_SIZE must be a size/);
  });
});

for (const mode of MODES) {
  describe(`${mode}: the cache's size cap`, () => {
    test('a compile over the cap removes the least recently used modules, not the new one or one in use', (t) => {
      const cache = freshCacheDir(t);
      entry(cache, 'stale-a.so', 1024 * 1024, 3 * DAY);
      entry(cache, 'stale-b.so', 1024 * 1024, 2 * DAY);
      entry(cache, 'in-use.so', 1024 * 1024, 1000);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      // A cap of 1 MB in the module's config: less than the new library and the one in use.
      writeFileSync(join(src, 'zigport.config.json'), JSON.stringify({ cacheSizeLimit: '1MB' }));
      const search = new URLSearchParams(modeOptions(mode)).toString();
      writeFileSync(join(src, 'app.mjs'), `const m = await import('./source-version.zig${search ? `?${search}` : ''}');\nconsole.log(m.version());\n`);
      const { status, stdout, stderr } = runNode([join(src, 'app.mjs')], { env: { ZIGPORT_CACHE_DIR: cache, ZIGPORT_CACHE_MAX_SIZE: '' } });
      assert.equal(status, 0, stderr);
      assert.equal(stdout, '1\n');
      const left = modules(cache);
      assert.equal(left.length, 2, left.join(', '));
      assert.ok(left.includes('in-use.so'));
      assert.match(left.find((name) => name !== 'in-use.so'), /^source-version-[0-9a-f]{32}\.(so|wasm)$/);
    });
  });
}
