// Opens a compiled native library in Node, once per thread, through
// zigport's addon: what the ES module the loader generates for a `.zig`
// file (hooks.js) calls when the module's target is native.
import { writeSync } from 'node:fs';
import { addon } from '../runtime/addon.js';
import { openNativeHost } from '../runtime/native-host.js';
import { buildModule } from '../runtime/module.js';
import { ModuleOutput } from '../runtime/console.js';
import { ModuleEnvironment } from '../runtime/env-variables.js';

const loaded = new Map();

/** `{ exports, namespace }` of the library at `path` (see runtime/module.js). */
export function loadNativeModule(path) {
  let module = loaded.get(path);
  if (!module) {
    // What the module prints (which the addon captures) and the environment
    // it reads: its own, as `__zigar` sets them.
    const output = new ModuleOutput({ captured: () => addon.takeConsoleOutput(), writeDirect: writeSync });
    const system = { output, env: new ModuleEnvironment() };
    module = buildModule(openNativeHost(path, system), false, system);
    loaded.set(path, module);
  }
  return module;
}
