// Builds the raw wasm baseline (baseline/raw-add.zig) with the project's Zig
// and instantiates it without zigport.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../../js/internal/compiler/cache.js';
import { findZig } from '../../js/internal/compiler/toolchain.js';

const SOURCE = fileURLToPath(new URL('../baseline/raw-add.zig', import.meta.url));

/** The exports of the baseline module, compiled into `dir`. */
export function loadWasmBaseline(dir) {
  const output = join(dir, 'raw-add.wasm');
  const root = cacheRoot();
  execFileSync(findZig(root).path, [
    'build-exe', '-target', 'wasm32-freestanding', '-fno-entry', '-rdynamic', '-O', 'ReleaseFast',
    '--cache-dir', join(dir, 'zig-cache'), '--global-cache-dir', join(root, 'zig-global-cache'),
    SOURCE, `-femit-bin=${output}`,
  ]);
  return new WebAssembly.Instance(new WebAssembly.Module(readFileSync(output))).exports;
}
