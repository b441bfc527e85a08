// Loads zigport's native addon (built from runtime/ by scripts/build-addon.sh).
// Only native mode needs it; WebAssembly modules run without it and use it,
// where it is present, for ties (memfd buffers mapped into wasm memory).
// ZIGPORT_NO_ADDON=1 makes it absent, so that the addon-free host is tested.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = fileURLToPath(new URL('../../native/zigport.node', import.meta.url));

/** The addon's exports, or null; `absence` says why it is null. */
const { loaded, absence } = loadAddon();

function loadAddon() {
  if (process.env.ZIGPORT_NO_ADDON === '1') {
    return { loaded: null, absence: "zigport's native addon is disabled (ZIGPORT_NO_ADDON=1); only WebAssembly modules (target=wasm) load" };
  }
  if (!existsSync(path)) {
    return { loaded: null, absence: `zigport's native addon is missing (${path}); build it with scripts/build-addon.sh, or load modules as WebAssembly (target=wasm)` };
  }
  return { loaded: createRequire(import.meta.url)(path), absence: null };
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
