// `zigport build` as a package author runs it: entries that load without
// Zig, libraries valid for each platform named, and clear errors for a bad
// command line, a module that does not compile, and a platform not built.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, TEST_CACHE_DIR, spawnNode, tempDir, zigBinary } from '../helpers/fixtures.js';
import { describeBinary } from '../helpers/binary-format.js';
import { currentPlatform } from '../../js/internal/runtime/platform.js';

const CLI = join(ROOT, 'js', 'bin', 'zigport.js');

/** A package folder with fixture `file` under zig/ and zigport linked as a dependency. */
function packageWith(t, file) {
  const dir = tempDir(t, 'zigport-package-');
  mkdirSync(join(dir, 'zig'));
  mkdirSync(join(dir, 'node_modules'));
  copyFileSync(join(ROOT, 'zig-fixtures', file), join(dir, 'zig', file.split('/').pop()));
  symlinkSync(join(ROOT, 'js'), join(dir, 'node_modules', 'zigport'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'built', type: 'module' }));
  return dir;
}

function zigport(args, cwd, env = {}) {
  return spawnNode([CLI, ...args], { cwd, env: { ZIGPORT_CACHE_DIR: TEST_CACHE_DIR, ZIG: zigBinary().path, ...env } });
}

/** Runs `code` as an ES module in `dir` with plain node: no loader, no Zig, an empty cache. */
function runWithoutZig(dir, code, env = {}) {
  writeFileSync(join(dir, 'main.mjs'), code);
  return spawnNode(['main.mjs'], {
    cwd: dir,
    env: { PATH: '/usr/bin:/bin', ZIG: '', ZIGPORT_CACHE_DIR: join(dir, 'empty-cache'), ...env },
  });
}

test('an entry built for this platform and wasm32 runs in plain node, either way, without Zig', async (t) => {
  const dir = packageWith(t, 'shipping/prebuilt-module.zig');
  const built = await zigport(['build', 'zig/prebuilt-module.zig', '--targets', `${currentPlatform()},wasm32`], dir);
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stdout, /zig\/prebuilt-module\.zig → lib\/prebuilt-module\.js/);
  assert.deepEqual(readdirSync(join(dir, 'lib', 'prebuilt-module.zigport')).sort(), [`${currentPlatform()}.so`, 'wasm32.wasm']);
  assert.ok(existsSync(join(dir, 'lib', 'prebuilt-module.d.ts')));
  const code = `import { add, countZeros } from './lib/prebuilt-module.js';
    console.log(add(2, 3), countZeros(new Uint8Array([0, 1, 0])), add.name);`;
  for (const env of [{}, { ZIGPORT_TARGET: 'wasm' }, { ZIGPORT_NO_ADDON: '1' }]) {
    const ran = await runWithoutZig(dir, code, env);
    assert.equal(ran.status, 0, `${JSON.stringify(env)}: ${ran.stderr}`);
    assert.equal(ran.stdout.trim(), '5 2 add', JSON.stringify(env));
    assert.ok(!existsSync(join(dir, 'empty-cache')), 'nothing was compiled or cached');
  }
});

test('an entry without a library for this platform names the platforms it was built for', async (t) => {
  const dir = packageWith(t, 'shipping/prebuilt-module.zig');
  const built = await zigport(['build', 'zig/prebuilt-module.zig', '--targets', 'darwin-arm64,linux-arm64', '--out', 'dist'], dir);
  assert.equal(built.status, 0, built.stderr);
  const ran = await runWithoutZig(dir, "import './dist/prebuilt-module.js';");
  assert.notEqual(ran.status, 0);
  assert.match(ran.stderr, new RegExp(`prebuilt-module\\.zig was not built for ${currentPlatform()}; it was built for darwin-arm64, linux-arm64-gnu`));
  const wasm = await runWithoutZig(dir, "import './dist/prebuilt-module.js';", { ZIGPORT_TARGET: 'wasm' });
  assert.match(wasm.stderr, /prebuilt-module\.zig was not built for wasm32 \(ZIGPORT_TARGET=wasm\)/);
});

test('a bad command line exits with status 2 and says what was wrong', async (t) => {
  const dir = packageWith(t, 'shipping/prebuilt-module.zig');
  const cases = [
    [['build', 'zig/prebuilt-module.zig', '--targets', 'linux-sparc'], /unknown target "linux-sparc"; targets: linux-x64, linux-arm64, wasm/],
    [['build'], /name the \.zig files to build, or list them under "modules" in zigport\.config\.json/],
    [['build', 'package.json'], /package\.json is not a \.zig file/],
    [['build', 'zig/prebuilt-module.zig', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"; commands: build, cache, types/],
  ];
  for (const [args, message] of cases) {
    const run = await zigport(args, dir);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, message);
  }
});

test('a module that does not compile fails the build with Zig\'s diagnostics and writes no entry', async (t) => {
  const dir = packageWith(t, 'compiler/type-error.zig');
  const run = await zigport(['build', 'zig/type-error.zig', '--targets', 'wasm32'], dir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /zigport build: .*type-error\.zig:\d+:\d+: error:/s);
  assert.ok(!existsSync(join(dir, 'lib', 'type-error.js')));
});

test('the modules and targets of a config file, Zigar\'s form included, are what a bare `zigport build` builds', async (t) => {
  const dir = packageWith(t, 'shipping/prebuilt-module.zig');
  writeFileSync(join(dir, 'node-zigar.config.json'), JSON.stringify({
    optimize: 'ReleaseSmall',
    modules: { 'lib/adder.zigar': { source: 'zig/prebuilt-module.zig' } },
    targets: [{ platform: 'linux-musl', arch: 'arm64' }, { platform: 'darwin', arch: 'x64' }],
  }));
  const run = await zigport(['build'], dir);
  assert.equal(run.status, 0, run.stderr);
  const folder = join(dir, 'lib', 'adder.zigport');
  assert.deepEqual(readdirSync(folder).sort(), ['darwin-x64.dylib', 'linux-arm64-musl.so']);
  assert.deepEqual(describeBinary(readFileSync(join(folder, 'linux-arm64-musl.so'))),
    { format: 'elf64', cpu: 'arm64', library: true, libc: 'musl' });
  assert.deepEqual(describeBinary(readFileSync(join(folder, 'darwin-x64.dylib'))), { format: 'mach-o', cpu: 'x64', library: true });
  assert.match(readFileSync(join(dir, 'lib', 'adder.js'), 'utf8'), /\(ReleaseSmall\) for linux-arm64-musl, darwin-x64/);
});
