// Loads zigport's native addon. Only native mode needs it; WebAssembly
// modules run without it and use it, where it is present, for ties (memfd
// buffers mapped into wasm memory). It is looked for in this order:
// 1. ZIGPORT_ADDON_PATH, a .node file, when set (and then nowhere else);
// 2. js/native/zigport.node, what scripts/build-addon.sh builds in a
//    checkout (the published package carries no native/ folder);
// 3. the prebuilt package for this platform, @zigport/addon-<platform>,
//    which npm installs as one of zigport's optional dependencies.
// ZIGPORT_NO_ADDON=1 makes it absent, so that the addon-free host is tested.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDON_PLATFORMS, addonPackageName, addonPlatform } from './addon-platforms.js';
import { currentPlatform } from './platform.js';

const require = createRequire(import.meta.url);
const REPOSITORY_BUILD = fileURLToPath(new URL('../../native/zigport.node', import.meta.url));
// Present only in a checkout, where building the addon is the remedy.
const IN_CHECKOUT = existsSync(new URL('../../../runtime/Cargo.toml', import.meta.url));
const WASM_INSTEAD = 'or load modules as WebAssembly (target=wasm)';

/** The addon's exports, or null; `absence` says why it is null, `path` where it came from. */
const { loaded, absence, path } = loadAddon();

function loadAddon() {
  if (process.env.ZIGPORT_NO_ADDON === '1') {
    return absent("zigport's native addon is disabled (ZIGPORT_NO_ADDON=1); only WebAssembly modules (target=wasm) load");
  }
  const override = process.env.ZIGPORT_ADDON_PATH;
  if (override) {
    const file = resolve(override);
    if (!existsSync(file)) return absent(`zigport's native addon is missing: ZIGPORT_ADDON_PATH names ${file}, which does not exist; ${WASM_INSTEAD}`);
    return loadFile(file);
  }
  if (existsSync(REPOSITORY_BUILD)) return loadFile(REPOSITORY_BUILD);
  if (IN_CHECKOUT) {
    return absent(`zigport's native addon is missing (${REPOSITORY_BUILD}); build it with scripts/build-addon.sh, ${WASM_INSTEAD}`);
  }
  return loadPackage();
}

/** The addon from this platform's prebuilt package, or why it is absent. */
function loadPackage() {
  const name = currentPlatform();
  const platform = addonPlatform(name);
  if (!platform) {
    const names = ADDON_PLATFORMS.map((known) => known.name).join(', ');
    return absent(`zigport has no prebuilt native addon for ${name}; packages exist for ${names}; ${WASM_INSTEAD}`);
  }
  const packageName = addonPackageName(platform);
  const version = ownVersion();
  let manifestPath;
  try {
    manifestPath = require.resolve(`${packageName}/package.json`);
  } catch {
    return absent(`zigport's native addon for ${name} is missing: the package ${packageName} is not installed (npm installs it with zigport unless optional dependencies are omitted; npm install ${packageName}@${version}), ${WASM_INSTEAD}`);
  }
  const found = JSON.parse(readFileSync(manifestPath, 'utf8')).version;
  if (found !== version) {
    // The addon and the JS that calls it change together: only a pair of the same release fits.
    return absent(`zigport ${version} needs ${packageName} ${version}, but ${found} is installed (npm install ${packageName}@${version}), ${WASM_INSTEAD}`);
  }
  return loadFile(join(dirname(manifestPath), 'zigport.node'));
}

function loadFile(file) {
  try {
    // dlopen rather than require: the file is native whatever its name ends with.
    const module = { exports: {} };
    process.dlopen(module, file);
    return { loaded: module.exports, absence: null, path: file };
  } catch (error) {
    return absent(`zigport's native addon at ${file} does not load (${error.message}); ${WASM_INSTEAD}`);
  }
}

function absent(reason) {
  return { loaded: null, absence: reason, path: null };
}

function ownVersion() {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

/**
 * The addon's exports (ZigModule, describe, takeConsoleOutput...). Without
 * the addon, using any of them throws an Error saying why it is absent.
 */
export const addon = loaded ?? new Proxy({}, {
  get() {
    throw new Error(absence);
  },
});

/** Why the addon is absent (null where it is loaded), for a caller's own error. */
export function addonAbsence() {
  return absence;
}

/** The addon, or null where it is absent (for what works without it). */
export function optionalAddon() {
  return loaded;
}

/** The .node file the addon was loaded from, or null where it is absent. */
export function addonPath() {
  return path;
}
