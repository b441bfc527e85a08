// The descriptor of a compiled WebAssembly module, read at build time to
// learn the names the generated JS module exports.
import { readFileSync } from 'node:fs';
import { readWasmDescriptor } from '../wasm/read-descriptor.js';

/** The descriptor (parsed JSON) of the .wasm file at `path`. */
export function readDescriptor(path) {
  return JSON.parse(readWasmDescriptor(readFileSync(path), path));
}
