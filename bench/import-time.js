// Cold and warm import of a small module, each in a fresh Node process,
// against the same process importing an empty JS module instead; and the
// import of the same module prebuilt by `zigport build`, in plain node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report } from './lib/measure.js';
import { DEFAULT_ZIG_VERSION } from '../js/internal/compiler/zig-version.js';

const REGISTER = fileURLToPath(new URL('../js/register.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/scalar-add.zig', import.meta.url));
const CLI = fileURLToPath(new URL('../js/bin/zigport.js', import.meta.url));
const PACKAGING = fileURLToPath(new URL('../scripts/packaging.mjs', import.meta.url));
const ADDON = fileURLToPath(new URL('../js/native/zigport.node', import.meta.url));
// The packed package finds no project-local Zig of its own: it is given this checkout's.
const ZIG = fileURLToPath(new URL(`../.tools/zig-${DEFAULT_ZIG_VERSION}/ziglang/zig`, import.meta.url));

function timeProcess(script, env, loader = ['--import', REGISTER]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...loader, '--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`import benchmark child failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The zigport package as packed (scripts/packaging.mjs), in
 * `scratch`/prebuilt/node_modules/zigport, packed on first use.
 */
function packedZigport(scratch) {
  const dir = join(scratch, 'prebuilt');
  const zigport = join(dir, 'node_modules', 'zigport');
  if (!existsSync(zigport)) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    const packed = spawnSync(process.execPath, [PACKAGING, 'zigport-package', zigport], { encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`packing zigport failed: ${packed.stderr}`);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  }
  return { dir, zigport };
}

export async function importTime({ scratch, runs = 3, packedRuns = 11 }) {
  const emptyModule = join(scratch, 'empty.mjs');
  writeFileSync(emptyModule, 'export const add = (a, b) => a + b;\n');
  const zigScript = `const { add } = await import(${JSON.stringify(FIXTURE)}); add(1, 2);`;
  const jsScript = `const { add } = await import(${JSON.stringify(emptyModule)}); add(1, 2);`;
  const cold = [];
  const warm = [];
  const bare = [];
  for (let r = 0; r < runs; r++) {
    const cache = mkdtempSync(join(scratch, 'cache-'));
    cold.push(timeProcess(zigScript, { ZIGPORT_CACHE_DIR: cache }));
    warm.push(timeProcess(zigScript, { ZIGPORT_CACHE_DIR: cache }));
    bare.push(timeProcess(jsScript, { ZIGPORT_CACHE_DIR: cache }));
    rmSync(cache, { recursive: true, force: true });
  }
  console.log(`\n## Import of a small module (ms per process, median of ${runs}; baseline: same process importing a JS module)`);
  report('cold import (compile, Debug)', median(cold), median(bare), undefined, 'ms');
  report('warm import (cached library)', median(warm), median(bare), undefined, 'ms');

  // What an installed zigport costs: the package as packed, whose loader
  // opens a module through one bundled runtime file instead of this
  // checkout's hundred, each a round trip to the loader's thread.
  const { zigport } = packedZigport(scratch);
  const loader = ['--import', join(zigport, 'register.js')];
  const cache = mkdtempSync(join(scratch, 'cache-'));
  const env = { ZIGPORT_CACHE_DIR: cache, ZIGPORT_ADDON_PATH: ADDON, ZIG: process.env.ZIG ?? ZIG };
  timeProcess(zigScript, env, loader);
  const installedWarm = [];
  const installedBare = [];
  const plain = [];
  for (let r = 0; r < packedRuns; r++) {
    installedWarm.push(timeProcess(zigScript, env, loader));
    installedBare.push(timeProcess(jsScript, env, loader));
    plain.push(timeProcess(jsScript, env, []));
  }
  rmSync(cache, { recursive: true, force: true });
  console.log(`\n## Warm import with zigport as installed (ms per process, median of ${packedRuns}; baseline: same process importing a JS module)`);
  report('warm import (cached library)', median(installedWarm), median(installedBare), undefined, 'ms');
  // Each run's two processes ran one after the other, so the median of
  // their differences is spared the drift of this machine's speed over the
  // whole loop, which moves the two medians apart by up to 10 ms.
  const extra = median(installedWarm.map((ms, r) => ms - installedBare[r]));
  console.log(`${'difference, median of pairs (goal <= 30 ms)'.padEnd(44)} ${extra.toFixed(1)} ms  (goal <= 30 ms: ${extra <= 30 ? 'met' : 'NOT met'})`);
  // What registering the loader costs a process before any import: its thread and hooks.
  report('loader registered vs plain node, JS import', median(installedBare), median(plain), undefined, 'ms');
  report('warm import vs plain node importing JS', median(installedWarm), median(plain), undefined, 'ms');
}

/**
 * First import of the module prebuilt for this platform and wasm32, in a
 * process with no loader and an empty cache, against the same process
 * importing a JS module: what a user of a published package waits for.
 * zigport is the package as packed (scripts/packaging.mjs), with the
 * addon this checkout built.
 */
export async function prebuiltImportTime({ scratch, runs = 11 }) {
  const { dir } = packedZigport(scratch);
  const started = process.hrtime.bigint();
  const built = spawnSync(process.execPath, [CLI, 'build', FIXTURE, '--out', join(dir, 'lib'), '--targets', 'linux-x64,wasm32'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`zigport build failed: ${built.stderr}`);
  const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
  const jsModule = join(dir, 'plain.mjs');
  writeFileSync(jsModule, 'export const add = (a, b) => a + b;\n');
  const script = (file) => `const { add } = await import(${JSON.stringify(file)}); add(1, 2);`;
  const env = { ZIGPORT_CACHE_DIR: join(dir, 'empty-cache'), ZIGPORT_ADDON_PATH: ADDON };
  const native = [];
  const wasm = [];
  const bare = [];
  for (let r = 0; r < runs; r++) {
    native.push(timeProcess(script(join(dir, 'lib', 'scalar-add.js')), env, []));
    wasm.push(timeProcess(script(join(dir, 'lib', 'scalar-add.js')), { ...env, ZIGPORT_TARGET: 'wasm' }, []));
    bare.push(timeProcess(script(jsModule), env, []));
  }
  console.log(`\n## Prebuilt module, plain node (ms per process, median of ${runs}; baseline: same process importing a JS module)`);
  report('first import, native library', median(native), median(bare), undefined, 'ms');
  report('first import, wasm32 library', median(wasm), median(bare), undefined, 'ms');
  console.log(`${'difference, native / wasm32 (goal <= 30 ms)'.padEnd(44)} ${(median(native) - median(bare)).toFixed(1)} ms / ${(median(wasm) - median(bare)).toFixed(1)} ms`);
  console.log(`${'zigport build, linux-x64 and wasm32'.padEnd(44)} ${(buildMs / 1000).toFixed(1)} s (ReleaseSafe; cached after the first run)`);
}
