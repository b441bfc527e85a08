// Opens a module that `zigport build` compiled ahead of time: what the
// entry it writes (`lib/sum.js`) calls. It picks the library built for the
// platform the process runs on, or the WebAssembly one where asked
// (ZIGPORT_TARGET=wasm), where none was built for this platform, or where
// zigport's addon cannot load here. Nothing here compiles: a user of a
// prebuilt module needs neither Zig nor a cache.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { optionalAddon, addonAbsence } from '../runtime/addon.js';
import { currentPlatform } from '../runtime/platform.js';
import { loadNativeModule } from './load-native.js';

// The WebAssembly host is loaded only where it runs: a process that opens a
// native library spends nothing on it (about a quarter of a first import).
const require = createRequire(import.meta.url);

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
    return openWasm(name, path(wasm));
  }
  const platform = currentPlatform();
  const native = files[platform];
  if (native && optionalAddon()) return loadNativeModule(path(native));
  if (wasm) return openWasm(name, path(wasm));
  if (native) throw new Error(`${name} cannot load its ${platform} library: ${addonAbsence()}`);
  throw new Error(`${name} was not built for ${platform}; it was built for ${builtFor(files)}. `
    + `Build it with \`zigport build --targets ${platform}\`, or add wasm32 to the targets to run anywhere.`);
}

function openWasm(name, path) {
  let host;
  try {
    host = require('./load-wasm.js');
  } catch (error) {
    if (error?.code !== 'ERR_REQUIRE_ESM') throw error;
    throw new Error(`${name} runs its wasm32 library here, which needs a Node.js that can require() ES modules `
      + `(20.19 or later, 22.12 or later); this is ${process.version}`);
  }
  return host.loadWasmFile(path);
}

function builtFor(files) {
  return Object.keys(files).join(', ');
}
