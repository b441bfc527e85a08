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
  const key = buildKey([
    zig.version, mode === 'wasm' ? 'wasm32-wasi' : NATIVE_TARGET, optimize,
    // The command line itself, so that changing a flag rebuilds.
    ...buildArguments({ source: '', output: '', optimize, root: '', mode, zigVersion: zig.version }),
    ...exporterSources().flatMap((s) => [s.name, s.content]),
    ...collectSources(source).flatMap((s) => [s.path, s.content]),
  ]);
  const target = libraryPath(root, source, key, mode === 'wasm' ? '.wasm' : '.so');
  if (!existsSync(target)) await buildLibrary({ zig, source, target, optimize, root, mode });
  return target;
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
