// Cold compile of a one-function module: zigport's first import (a fresh
// Node process, an empty zigport cache) against `zig build-lib` of the same
// source alone, without zigport's exporter, with the flags zigport gives a
// native Debug build (-dynamic -lc -fPIC and its backend, -fllvm: see
// buildArguments) and an empty local cache. The bare build with Zig's
// default backend (its own, on x86_64) is shown too, for what LLVM costs.
// Twice: with Zig's global cache warm on both sides (compiler_rt built, as
// for every module after the first in a zigport cache), and with an empty
// global cache on both sides (the very first module). The compile's own
// cost is the cold import less a warm one (Node's start, zigport's loader).
// Each row gives wall time and the CPU time of the processes; on a shared
// machine the CPU ratio is the steadier one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArguments } from '../js/internal/compiler/build.js';
import { cacheRoot } from '../js/internal/compiler/cache-root.js';
import { findZig } from '../js/internal/compiler/toolchain.js';
import { defaultVersion } from '../js/internal/compiler/wanted-zig.js';
import { median, report } from './lib/measure.js';

const REGISTER = fileURLToPath(new URL('../js/register.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/scalar-add.zig', import.meta.url));

/** Wall and CPU milliseconds of `command`, which must succeed. */
function timed(command, args, options) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return { wall, cpu: childrenCpuMs() - cpuBefore };
}

/**
 * User and system time of this process's waited-for children (and theirs:
 * Node waits for the Zig it runs), from /proc/self/stat, in ms.
 */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime
  return ticks * (1000 / clockTicks());
}

let ticksPerSecond;
function clockTicks() {
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  return ticksPerSecond;
}

/**
 * zigport's cold import of FIXTURE with a fresh cache whose Zig global
 * cache is `globalCache`, then a warm import from that cache: their
 * difference is what compiling cost, without Node's start and zigport's own.
 */
function zigportCold(scratch, globalCache) {
  const cache = mkdtempSync(join(scratch, 'cache-'));
  mkdirSync(globalCache, { recursive: true });
  symlinkSync(globalCache, join(cache, 'zig-global-cache'));
  const script = `const m = await import(${JSON.stringify(FIXTURE)}); m.add(1, 2);`;
  const run = () => timed(process.execPath, ['--import', REGISTER, '--input-type=module', '-e', script], {
    env: { ...process.env, ZIGPORT_CACHE_DIR: cache, ZIGPORT_OPTIMIZE: 'Debug' },
  });
  const cold = run();
  const warm = run();
  return { cold, compile: { wall: cold.wall - warm.wall, cpu: cold.cpu - warm.cpu } };
}

/** `zig build-lib` of FIXTURE alone, with an empty local cache, `globalCache` and `backend` flags. */
function bareBuildLib(zig, scratch, globalCache, backend) {
  const dir = mkdtempSync(join(scratch, 'bare-'));
  return timed(zig.path, [
    'build-lib', '-dynamic', '-lc', '-fPIC', ...backend, '-O', 'Debug', '--name', 'module',
    '--cache-dir', join(dir, 'zig-cache'), '--global-cache-dir', globalCache,
    `-Mroot=${FIXTURE}`, `-femit-bin=${join(dir, 'libmodule.so')}`,
  ], { cwd: dir });
}

function printRows(title, { zigport, bare, zigDefault }) {
  console.log(title);
  const row = (what, samples, baseline, goal) => {
    report(`  wall: ${what}`, median(samples.map((s) => s.wall)), median(baseline.map((s) => s.wall)), goal, 'ms');
    report(`  CPU:  ${what}`, median(samples.map((s) => s.cpu)), median(baseline.map((s) => s.cpu)), goal, 'ms');
  };
  const imports = zigport.map((s) => s.cold);
  const compiles = zigport.map((s) => s.compile);
  row('cold import vs bare build-lib', imports, bare);
  row('compile (cold - warm import) vs bare', compiles, bare, 1.3);
  if (zigDefault.length) row('compile vs bare, Zig\'s own backend', compiles, zigDefault);
}

/** The backend flag zigport gives a native Debug build with Zig `zigVersion`. */
function zigportBackend(zigVersion) {
  const args = buildArguments({ source: FIXTURE, output: 'out', optimize: 'Debug', root: '.', zigVersion });
  return args.filter((a) => a === '-fllvm' || a === '-fno-llvm');
}

/** Prints both comparisons, medians of `runs`; `scratch` receives every cache. */
export async function coldCompileTime({ scratch, runs = 5 }) {
  const zig = findZig(cacheRoot(), { request: null, minimum: null, fallback: defaultVersion() });
  const backend = zigportBackend(zig.version);
  const warmGlobal = join(scratch, 'warm-global-cache');
  // Builds compiler_rt into the shared global cache before anything is timed.
  bareBuildLib(zig, scratch, warmGlobal, backend);
  const warm = { zigport: [], bare: [], zigDefault: [] };
  const cold = { zigport: [], bare: [], zigDefault: [] };
  const fresh = () => mkdtempSync(join(scratch, 'global-'));
  for (let r = 0; r < runs; r++) {
    warm.zigport.push(zigportCold(scratch, warmGlobal));
    warm.bare.push(bareBuildLib(zig, scratch, warmGlobal, backend));
    if (backend.includes('-fllvm')) warm.zigDefault.push(bareBuildLib(zig, scratch, warmGlobal, []));
    cold.zigport.push(zigportCold(scratch, fresh()));
    cold.bare.push(bareBuildLib(zig, scratch, fresh(), backend));
  }
  const flags = backend.length ? backend.join(' ') : 'Zig\'s default backend';
  console.log(`\n## Cold compile of a one-function module, Debug, native, Zig ${zig.version}, ${flags} (ms, median of ${runs})`);
  printRows('Zig global cache warm on both sides (compiler_rt built):', warm);
  printRows('Zig global cache empty on both sides:', cold);
}
