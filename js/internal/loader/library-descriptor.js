// The descriptor of a compiled module, read where it is made or loaded:
// the loader's hook, `zigport types` and `zigport build`.
import { readFileSync } from 'node:fs';
import { addon } from '../runtime/addon.js';
import { readWasmDescriptor } from '../wasm/read-descriptor.js';

/** The descriptor (parsed JSON) of the library at `path`: a .wasm file when `wasm`, else a native one. */
export function libraryDescriptor(path, wasm) {
  return JSON.parse(wasm ? readWasmDescriptor(readFileSync(path), path) : addon.describe(path));
}
