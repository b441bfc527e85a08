// Opens a compiled WebAssembly module in Node, once per thread: what the
// ES module the loader generates for a `.zig` file (hooks.js) calls when the
// module's target is wasm. The host itself needs nothing of Node's; here it
// is given what Node adds, when present: the process's descriptors for
// unredirected output, and ties (buffers from `tieableBuffer()` mapped into
// wasm memory), which need zigport's addon and are off with ZIGPORT_TIES=off.
import { readFileSync, writeSync } from 'node:fs';
import { optionalAddon } from '../runtime/addon.js';
import { buildModule } from '../runtime/module.js';
import { ModuleOutput } from '../runtime/console.js';
import { ModuleEnvironment } from '../runtime/env-variables.js';
import { WasmInstance } from '../wasm/instance.js';
import { openWasmHost } from '../wasm/host.js';

const loaded = new Map();
/** Compiled once per process; instances are per thread. */
const compiled = new Map();

/** `{ exports, namespace }` of the module at `path` (see runtime/module.js). */
export function loadWasmFile(path) {
  let module = loaded.get(path);
  if (!module) {
    const system = { output: new ModuleOutput({ writeDirect: writeSync }), env: new ModuleEnvironment() };
    const instance = openWasmFile(path, system);
    const pages = process.env.ZIGPORT_TIES === 'off' ? null : optionalAddon();
    module = buildModule(openWasmHost(instance, system, { pages }), true, system);
    loaded.set(path, module);
  }
  return module;
}

/** A checked WasmInstance of the module at `path`, instantiated on this thread. */
export function openWasmFile(path, system) {
  let module = compiled.get(path);
  if (!module) {
    try {
      module = new WebAssembly.Module(readFileSync(path));
    } catch (err) {
      throw new Error(`cannot load compiled module ${path}: ${err.message}`);
    }
    compiled.set(path, module);
  }
  return WasmInstance.create(path, module, system);
}
