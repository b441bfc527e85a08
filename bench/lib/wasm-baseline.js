// Builds the raw wasm baselines (baseline/raw-*.zig) with the project's Zig
// and instantiates them without zigport.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../../js/internal/compiler/cache-root.js';
import { findZig } from '../../js/internal/compiler/toolchain.js';

/**
 * The exports of baseline module `name` (baseline/<name>.zig), compiled
 * into `dir` and instantiated with `imports`.
 */
export function loadWasmBaseline(dir, name = 'raw-add', imports = {}) {
  const source = fileURLToPath(new URL(`../baseline/${name}.zig`, import.meta.url));
  const output = join(dir, `${name}.wasm`);
  const root = cacheRoot();
  execFileSync(findZig(root).path, [
    'build-exe', '-target', 'wasm32-freestanding', '-fno-entry', '-rdynamic', '-O', 'ReleaseFast',
    '--cache-dir', join(dir, 'zig-cache'), '--global-cache-dir', join(root, 'zig-global-cache'),
    source, `-femit-bin=${output}`,
  ]);
  return new WebAssembly.Instance(new WebAssembly.Module(readFileSync(output)), imports).exports;
}
