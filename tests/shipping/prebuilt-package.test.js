// A package that ships a Zig module prebuilt, end to end as its author and
// its users meet it: examples/prebuilt-stats is built with its own
// `npm run build` (`zigport build` for every platform its config names),
// packed with `npm pack`, and installed offline, beside the zigport and
// addon tarballs, into an empty project. There it runs in plain node on a
// PATH without Zig or cargo, with no ZIG and an empty cache, natively and
// as WebAssembly, from ES modules and CommonJS, and its declarations
// type-check a TypeScript consumer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { before, test } from 'node:test';
import { ROOT, TEST_CACHE_DIR, spawnNode, zigBinary, tempDir } from '../helpers/fixtures.js';
import { describeBinary } from '../helpers/binary-format.js';
import { addonPlatform } from '../../js/internal/runtime/addon-platforms.js';
import { currentPlatform } from '../../js/internal/runtime/platform.js';
import { PLATFORMS } from '../../js/internal/compiler/platforms.js';

const run = promisify(execFile);
const SKIP = addonPlatform(currentPlatform()) ? false : `no addon package for ${currentPlatform()}`;
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const npm = (args, cwd, env = {}) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd, env: { ...process.env, ...env }, timeout: 1_200_000,
});

let app;
let config;

before(async (t) => {
  if (SKIP) return;
  const work = tempDir(t, 'zigport-prebuilt-package-');
  const dist = join(work, 'dist');
  const packed = await run('bash', ['scripts/pack.sh', '--platform', currentPlatform(), dist], { cwd: ROOT, timeout: 600_000 });
  const [zigportTarball, addonTarball] = packed.stdout.trim().split('\n');
  const stats = join(work, 'stats');
  cpSync(join(ROOT, 'examples', 'prebuilt-stats'), stats, { recursive: true, filter: (path) => !/\/(lib|node_modules)$/.test(path) });
  config = JSON.parse(readFileSync(join(stats, 'zigport.config.json'), 'utf8'));
  // As published: zigport by version, not by the repository's folder.
  const manifest = JSON.parse(readFileSync(join(stats, 'package.json'), 'utf8'));
  manifest.dependencies.zigport = JSON.parse(readFileSync(join(ROOT, 'js', 'package.json'), 'utf8')).version;
  writeFileSync(join(stats, 'package.json'), JSON.stringify(manifest, null, 2));
  await npm(['install', '--offline', '--no-save', zigportTarball, addonTarball], stats);
  // The author's machine has Zig: the one the other tests use, and their cache.
  const author = { ZIG: zigBinary(), ZIGPORT_CACHE_DIR: TEST_CACHE_DIR };
  await npm(['run', 'build'], stats, author);
  // npm prints the prepack script's output before the tarball's name.
  const packing = await npm(['pack', '--pack-destination', dist], stats, author);
  const statsTarball = join(dist, packing.stdout.trim().split('\n').pop());
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  await npm(['install', '--offline', zigportTarball, addonTarball, statsTarball], app);
});

/** Runs `code` as a module in the app with plain node, no Zig, no cargo and an empty cache. */
function runInApp(code, env = {}) {
  writeFileSync(join(app, 'main.mjs'), code);
  return spawnNode(['main.mjs'], {
    cwd: app,
    env: { PATH: '/usr/bin:/bin', ZIG: '', ZIGPORT_CACHE_DIR: join(app, 'empty-cache'), ...env },
  });
}

const USE = `import { summarize, histogram, Summary } from 'zigport-example-stats';
import { readFileSync } from 'node:fs';
const s = summarize([4, 8, 15, 16, 23, 42]);
let error;
try { summarize([]); } catch (e) { error = e.message; }
const maps = readFileSync('/proc/self/maps', 'utf8');
console.log(JSON.stringify({
  summary: s.valueOf(), range: s.range(), isSummary: s instanceof Summary,
  bins: [...histogram(new Uint8Array([0, 1, 16, 255, 255]))].slice(0, 2).concat(histogram('AAB')[4]),
  error, native: maps.includes('stats.zigport/${currentPlatform()}.so'),
}));`;

const EXPECTED = {
  summary: { count: 6, mean: 18, min: 4, max: 42 }, range: 38, isSummary: true, bins: [2, 1, 3], error: 'No samples',
};

test('the installed package runs natively in plain node without Zig, cargo or a cache', { skip: SKIP }, async () => {
  const ran = await runInApp(USE);
  assert.equal(ran.status, 0, ran.stderr);
  assert.deepEqual(JSON.parse(ran.stdout), { ...EXPECTED, native: true });
  assert.ok(!existsSync(join(app, 'empty-cache')), 'nothing was compiled or cached');
});

test('the installed package runs its wasm32 library where asked, and where the addon cannot load', { skip: SKIP }, async () => {
  for (const env of [{ ZIGPORT_TARGET: 'wasm' }, { ZIGPORT_NO_ADDON: '1' }]) {
    const ran = await runInApp(USE, env);
    assert.equal(ran.status, 0, ran.stderr);
    assert.deepEqual(JSON.parse(ran.stdout), { ...EXPECTED, native: false }, JSON.stringify(env));
  }
});

test('the package carries a library for every platform its config names, each valid for its platform', { skip: SKIP }, () => {
  const folder = join(app, 'node_modules', 'zigport-example-stats', 'lib', 'stats.zigport');
  const names = config.targets.map((t) => (t.startsWith('linux-') && t.split('-').length === 2 ? `${t}-gnu` : t));
  assert.deepEqual(readdirSync(folder).sort(), names.map((n) => `${n}${PLATFORMS[n].extension}`).sort());
  for (const name of names) {
    const { os, cpu, libc } = PLATFORMS[name];
    const found = describeBinary(readFileSync(join(folder, `${name}${PLATFORMS[name].extension}`)));
    const format = { linux: 'elf64', darwin: 'mach-o', win32: 'pe' }[os] ?? 'wasm';
    assert.equal(found.format, format, name);
    assert.equal(found.cpu, cpu, name);
    assert.equal(found.library, true, name);
    // A library that calls nothing of libc may name none.
    if (libc) assert.ok(found.libc === libc || found.libc === null, `${name}: ${found.libc}`);
  }
});

test('its declarations type-check a TypeScript consumer, and catch one that misuses it', { skip: SKIP }, async () => {
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', skipLibCheck: false },
  }));
  writeFileSync(join(app, 'good.ts'), `import { summarize, histogram, Summary } from 'zigport-example-stats';
const s: Summary = summarize(new Float64Array([1, 2]));
const mean: number = s.mean;
const range: number = s.range();
const bins = histogram(new Uint8Array(8));
console.log(mean, range, bins);
`);
  const good = await run(TSC, ['-p', '.', '--pretty', 'false'], { cwd: app }).catch((e) => e);
  assert.equal(good.code ?? 0, 0, good.stdout);
  writeFileSync(join(app, 'bad.ts'), `import { summarize } from 'zigport-example-stats';
const s = summarize(42);
const label: string = summarize([1]).mean;
`);
  const bad = await run(TSC, ['-p', '.', '--pretty', 'false'], { cwd: app }).catch((e) => e);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stdout, /bad\.ts\(2,21\): error TS2345/);
  assert.match(bad.stdout, /bad\.ts\(3,7\): error TS2322/);
});

test('a CommonJS consumer requires the installed package', { skip: SKIP }, async () => {
  writeFileSync(join(app, 'main.cjs'), `const { summarize } = require('zigport-example-stats');
console.log(summarize([1, 2, 6]).mean);`);
  const ran = await spawnNode(['--no-warnings', 'main.cjs'], { cwd: app, env: { PATH: '/usr/bin:/bin', ZIG: '' } });
  assert.equal(ran.status, 0, ran.stderr);
  assert.equal(ran.stdout.trim(), '3');
});
