// The descriptor of a compiled WebAssembly module, read at build time to
// learn the names the generated JS module exports.
import { WasmInstance } from '../wasm/instance.js';

/** The descriptor (parsed JSON) of the .wasm file at `path`. */
export function readDescriptor(path) {
  return JSON.parse(new WasmInstance(path).descriptorJson);
}
