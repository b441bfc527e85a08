// zigport as a user gets it: scripts/pack.sh packs the zigport package and
// this platform's prebuilt addon package, npm installs both tarballs
// offline into an empty project, and there a .zig file runs through the
// addon from @zigport/addon-<platform> (the installed zigport has no
// native/ folder, and the repository's build is out of its reach). What
// is missing is named: a ZIGPORT_ADDON_PATH that does not exist, and an
// uninstalled platform package. The installed runtime keeps V8's code
// cache of its bundle in zigport's cache, and survives a damaged one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { MODES, ROOT, TEST_CACHE_DIR, zigBinary } from '../helpers/fixtures.js';
import { ADDON_PLATFORMS, addonPackageName, addonPlatform } from '../../js/internal/runtime/addon-platforms.js';
import { currentPlatform } from '../../js/internal/runtime/platform.js';
import { processLibc } from '../../js/internal/runtime/libc.js';

const run = promisify(execFile);
const PLATFORM = addonPlatform(currentPlatform());
const SKIP = PLATFORM ? false : `no addon package for ${currentPlatform()}`;
const NATIVE_ONLY = SKIP || (MODES.includes('native') ? false : 'native mode is not tested in this run');

const work = realpathSync(mkdtempSync(join(tmpdir(), 'zigport-addon-package-')));
const app = join(work, 'app');
const tarballs = [];

before(async () => {
  if (SKIP) return;
  const packed = await run('bash', ['scripts/pack.sh', '--platform', PLATFORM.name, join(work, 'dist')], { cwd: ROOT, timeout: 300_000 });
  tarballs.push(...packed.stdout.trim().split('\n'));
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: app, timeout: 120_000 });
  copyFileSync(join(ROOT, 'zig-fixtures/loader/reports-build-mode.zig'), join(app, 'add.zig'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs `node --import zigport/register` in the installed project on a
 * module that imports add.zig in `mode` and prints add(20, 22) and the
 * addon's path. Resolves to the exit status and output.
 */
async function runInApp(mode, extraEnv = {}) {
  const query = mode === 'native' ? '' : `?target=${mode}`;
  const main = `main-${mode}.js`;
  writeFileSync(join(app, main), [
    `const { add } = await import('./add.zig${query}');`,
    'console.log(add(20, 22));',
    "const { addonPath } = await import('./node_modules/zigport/internal/runtime/addon.js');",
    'console.log(addonPath());',
  ].join('\n'));
  // The Zig the other tests use, found by ZIG since the project has no .tools/.
  const env = { ...process.env, ZIG: zigBinary(), ZIGPORT_CACHE_DIR: TEST_CACHE_DIR };
  delete env.ZIGPORT_ADDON_PATH;
  if (mode === 'native') delete env.ZIGPORT_NO_ADDON;
  Object.assign(env, extraEnv);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'zigport/register', main], { cwd: app, env, timeout: 120_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    return { status: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

test('the packed zigport carries no native/ folder and lists every platform package as optional', { skip: SKIP }, () => {
  assert.equal(tarballs.length, 2, tarballs.join('\n'));
  assert.match(tarballs[0], /zigport-\d+\.\d+\.\d+\.tgz$/);
  assert.match(tarballs[1], new RegExp(`zigport-addon-${PLATFORM.name}-\\d+\\.\\d+\\.\\d+\\.tgz$`));
  const installed = join(app, 'node_modules/zigport');
  assert.equal(existsSync(join(installed, 'native')), false);
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.optionalDependencies), ADDON_PLATFORMS.map(addonPackageName));
  const addonManifest = JSON.parse(readFileSync(join(app, 'node_modules', addonPackageName(PLATFORM), 'package.json'), 'utf8'));
  assert.equal(addonManifest.version, manifest.version);
  assert.deepEqual([addonManifest.os, addonManifest.cpu, addonManifest.libc], [[PLATFORM.os], [PLATFORM.cpu], [PLATFORM.libc]]);
});

test("this process's libc, read from Node's ELF header, is the one process.report names", () => {
  if (process.platform !== 'linux') return;
  const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
  assert.equal(processLibc(), glibc ? 'glibc' : 'musl');
});

for (const mode of MODES) {
  test(`an installed zigport runs a ${mode} module, with the addon of its platform package`, { skip: SKIP }, async () => {
    const { status, stdout, stderr } = await runInApp(mode);
    assert.equal(status, 0, stderr);
    const [sum, addon] = stdout.trim().split('\n');
    assert.equal(sum, '42');
    // WebAssembly uses the addon too where it is not disabled (for ties).
    if (mode === 'native' || process.env.ZIGPORT_NO_ADDON !== '1') {
      assert.equal(addon, join(app, 'node_modules', addonPackageName(PLATFORM), 'zigport.node'));
    }
  });
}

test('ZIGPORT_ADDON_PATH naming a missing file is an error that names it', { skip: NATIVE_ONLY }, async () => {
  const missing = join(work, 'missing.node');
  const { status, stderr } = await runInApp('native', { ZIGPORT_ADDON_PATH: missing });
  assert.notEqual(status, 0);
  assert.ok(stderr.includes(`zigport's native addon is missing: ZIGPORT_ADDON_PATH names ${missing}, which does not exist`), stderr);
});

test('without its platform package an installed zigport says which package to install', { skip: NATIVE_ONLY }, async () => {
  const installed = join(app, 'node_modules', addonPackageName(PLATFORM));
  renameSync(installed, `${installed}.away`);
  try {
    const { status, stderr } = await runInApp('native');
    assert.notEqual(status, 0);
    assert.ok(stderr.includes(`the package ${addonPackageName(PLATFORM)} is not installed`), stderr);
  } finally {
    renameSync(`${installed}.away`, installed);
  }
});

test('on a platform without an addon package the error lists the platforms that have one', { skip: NATIVE_ONLY }, async () => {
  // A process that reports another architecture stands in for a machine this one is not.
  const code = [
    "Object.defineProperty(process, 'arch', { value: 'riscv64' });",
    "const { addon } = await import('./node_modules/zigport/internal/runtime/addon.js');",
    'addon.ZigModule;',
  ].join('\n');
  const env = { ...process.env };
  delete env.ZIGPORT_ADDON_PATH;
  delete env.ZIGPORT_NO_ADDON;
  const failed = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: app, env }).then(() => null, (error) => error);
  assert.ok(failed, 'the addon was found');
  const names = ADDON_PLATFORMS.map((platform) => platform.name).join(', ');
  assert.ok(failed.stderr.includes(`zigport has no prebuilt native addon for linux-riscv64-${PLATFORM.libc === 'glibc' ? 'gnu' : 'musl'}; packages exist for ${names}`), failed.stderr);
});

/** The scripts an installed zigport runs with V8's code cache, by what they are. */
const CACHED_SCRIPTS = {
  'its runtime': 'runtime/shared-bundle.script.js',
  "its loader's hooks": 'loader/hooks.script.js',
};

/** The code cache file of the installed package's `script` in the tests' cache (named by its size and time). */
function codeCacheOf(script) {
  const stats = statSync(join(app, 'node_modules/zigport/internal', script));
  const prefix = `${basename(script, '.js')}-`;
  const suffix = `-${stats.size}-${Math.trunc(stats.mtimeMs)}.v8`;
  const dir = join(TEST_CACHE_DIR, 'code');
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith(suffix)) : [];
  assert.ok(names.length <= 1, names.join(', '));
  return names.length ? join(dir, names[0]) : null;
}

for (const [what, script] of Object.entries(CACHED_SCRIPTS)) {
  test(`an installed zigport keeps the compiled code of ${what} in the cache and runs from it`, { skip: NATIVE_ONLY }, async () => {
    assert.equal((await runInApp('native')).stdout.split('\n')[0], '42');
    const cache = codeCacheOf(script);
    assert.ok(cache, 'no code cache was written');
    const written = { bytes: readFileSync(cache), time: statSync(cache).mtimeMs };
    const again = await runInApp('native');
    assert.equal(again.stdout.split('\n')[0], '42', again.stderr);
    // V8 took it: a rejected cache is written anew.
    assert.deepEqual({ bytes: readFileSync(cache), time: statSync(cache).mtimeMs }, written);
  });

  test(`a damaged code cache of ${what} is replaced, not run`, { skip: NATIVE_ONLY }, async () => {
    if (!codeCacheOf(script)) await runInApp('native');
    const cache = codeCacheOf(script);
    const damaged = Buffer.alloc(statSync(cache).size, 0x5a);
    writeFileSync(cache, damaged);
    const ran = await runInApp('native');
    assert.equal(ran.status, 0, ran.stderr);
    assert.equal(ran.stdout.split('\n')[0], '42');
    assert.notDeepEqual(readFileSync(cache), damaged);
  });
}

test('where the code cache cannot be written the runtime still runs', { skip: NATIVE_ONLY }, async () => {
  const dir = join(TEST_CACHE_DIR, 'code');
  if (existsSync(dir)) renameSync(dir, `${dir}.away`);
  writeFileSync(dir, 'not a folder');
  try {
    const ran = await runInApp('native');
    assert.equal(ran.status, 0, ran.stderr);
    assert.equal(ran.stdout.split('\n')[0], '42');
    assert.equal(ran.stderr, '');
  } finally {
    rmSync(dir, { force: true });
    if (existsSync(`${dir}.away`)) renameSync(`${dir}.away`, dir);
  }
});
