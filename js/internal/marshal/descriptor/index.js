// The module check for the WebAssembly host. For now it asks the addon
// (runtime/src/wasm/mod.rs); its JS form replaces this file.
import { addon } from '../../runtime/addon.js';

export const WASM_REQUIRED_EXPORTS = addon.wasmRequiredExports();

export function checkWasmModule(facts) {
  return JSON.parse(addon.wasmCheckModule(facts));
}
