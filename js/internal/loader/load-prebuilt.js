// Opens a module that `zigport build` compiled ahead of time: what the
// entry it writes (`lib/sum.js`) calls. It picks the library built for the
// platform the process runs on, or the WebAssembly one where asked
// (ZIGPORT_TARGET=wasm), where none was built for this platform, or where
// zigport's addon cannot load here. Nothing here compiles: a user of a
// prebuilt module needs neither Zig nor a cache.
import { fileURLToPath } from 'node:url';
import { optionalAddon, addonAbsence } from '../runtime/addon.js';
import { currentPlatform } from '../runtime/platform.js';
import { loadNativeModule } from './load-native.js';
import { loadWasmFile } from './load-wasm.js';

/**
 * `{ exports, namespace }` of module `name` (its source file's name, for
 * messages), whose libraries `files` maps by platform name to paths
 * relative to the entry at URL `entry`.
 */
export function loadPrebuiltModule(entry, name, files) {
  const path = (file) => fileURLToPath(new URL(file, entry));
  const wasm = files.wasm32;
  if (process.env.ZIGPORT_TARGET === 'wasm') {
    if (!wasm) throw new Error(`${name} was not built for wasm32 (ZIGPORT_TARGET=wasm); it was built for ${builtFor(files)}`);
    return loadWasmFile(path(wasm));
  }
  const platform = currentPlatform();
  const native = files[platform];
  if (native && optionalAddon()) return loadNativeModule(path(native));
  if (wasm) return loadWasmFile(path(wasm));
  if (native) throw new Error(`${name} cannot load its ${platform} library: ${addonAbsence()}`);
  throw new Error(`${name} was not built for ${platform}; it was built for ${builtFor(files)}. `
    + `Build it with \`zigport build --targets ${platform}\`, or add wasm32 to the targets to run anywhere.`);
}

function builtFor(files) {
  return Object.keys(files).join(', ');
}
