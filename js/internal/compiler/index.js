// The compiler driver: maps a .zig file and its options to a compiled
// library in the cache, building it only when no library with the same build
// key exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildKey, cacheRoot, libraryPath } from './cache.js';
import { collectSources } from './sources.js';
import { findZig } from './toolchain.js';
import { wantedZig } from './wanted-zig.js';
import { buildArguments, buildLibrary } from './build.js';

const EXPORTER_DIR = fileURLToPath(new URL('../../zig/', import.meta.url));
const NATIVE_TARGET = `${process.platform}-${process.arch}`;

/**
 * Path of the compiled module for `source` (a shared library, or a .wasm
 * file for target `wasm`), building it if needed.
 */
export async function compileModule(source, { optimize, target: mode = 'native', zigVersion }) {
  const root = cacheRoot();
  const zig = findZig(root, wantedZig(source, zigVersion));
  const sources = collectSources(source);
  // Native modules always link libc; a WebAssembly module links wasi-libc
  // only when its code reaches C, since the first such build compiles
  // wasi-libc (about 25 s) and every such module carries part of it.
  const linkLibc = mode !== 'wasm' || sources.some(reachesC);
  const key = buildKey([
    zig.version, mode === 'wasm' ? 'wasm32-wasi' : NATIVE_TARGET, optimize,
    // The command line itself, so that changing a flag rebuilds.
    ...buildArguments({ source: '', output: '', optimize, root: '', mode, zigVersion: zig.version, linkLibc }),
    ...exporterSources().flatMap((s) => [s.name, s.content]),
    ...sources.flatMap((s) => [s.path, s.content]),
  ]);
  const target = libraryPath(root, source, key, mode === 'wasm' ? '.wasm' : '.so');
  if (!existsSync(target)) await buildLibrary({ zig, source, target, optimize, root, mode, linkLibc });
  return target;
}

const C_REFERENCE = /@import\(\s*"c"\s*\)|\bextern\s+(?:"c"\s+)?fn\b|\bstd\.c\./;

/** Whether Zig source `file` imports C, declares an external function, or uses std.c. */
function reachesC({ path, content }) {
  return path.endsWith('.zig') && C_REFERENCE.test(content.toString('utf8'));
}

let exporter = null;

/** Every file of the exporter, subfolders included (js/zig/builtins/), by relative name. */
function exporterSources() {
  exporter ??= readdirSync(EXPORTER_DIR, { recursive: true })
    .filter((name) => name.endsWith('.zig'))
    .sort()
    .map((name) => ({ name, content: readFileSync(join(EXPORTER_DIR, name)) }));
  return exporter;
}
