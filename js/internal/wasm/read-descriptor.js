// The descriptor of a compiled WebAssembly module, for tools that need its
// declarations before any page loads it (Node's loader hooks, bundler
// plugins): the module is instantiated once, checked as the host checks it,
// and asked.
import { WasmInstance } from './instance.js';

/**
 * The descriptor JSON text of the module in `bytes` (its .wasm file);
 * `name` names it in errors. Throws as loading it would.
 */
export function readWasmDescriptor(bytes, name = 'WebAssembly module') {
  let module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (err) {
    throw new Error(`cannot load compiled module ${name}: ${err.message}`);
  }
  return WasmInstance.create(name, module).descriptorJson;
}
