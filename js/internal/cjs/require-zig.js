// What `require('./f.zig')` gives once zigport/cjs is loaded (../../cjs.cjs):
// the module compiled synchronously on first use (then found in the cache),
// opened by the same loaders an ES import uses, and handed over as its
// namespace with `__zigar` on it, as Zigar's CommonJS loader does.
import { parseOptions } from '../compiler/options.js';
import { compileModuleSync } from '../compiler/compile-sync.js';
import { createRequire } from 'node:module';

// Each opener is loaded only when a module of its kind is: the native one
// reaches for the addon as it loads, which WebAssembly modules do without.
const require = createRequire(import.meta.url);
const OPENERS = {
  native: () => require('../loader/load-native.js').loadNativeModule,
  wasm: () => require('../loader/load-wasm.js').loadWasmFile,
};

/** One exports object per loaded module, so requiring it again gives the same one. */
const views = new WeakMap();

/**
 * The CommonJS exports of the .zig file at `filename`. Build options come
 * from its zigport.config.json and the environment (ZIGPORT_TARGET,
 * ZIGPORT_OPTIMIZE), since a require() specifier has no query.
 */
export function requireZig(filename) {
  const options = parseOptions(new URLSearchParams(), process.env, filename);
  const library = compileModuleSync(filename, options);
  const loaded = OPENERS[options.target]()(library);
  let view = views.get(loaded);
  if (!view) {
    view = commonJsExports(loaded);
    views.set(loaded, view);
  }
  return view;
}

/**
 * A copy of the module's namespace (the ES default export) with `__zigar`
 * added. The namespace itself is shared with ES imports of the same
 * library, where `__zigar` is only a named export, so it is not changed.
 * The copied accessors read and write the same Zig variables.
 */
function commonJsExports({ namespace, exports }) {
  const properties = Object.getOwnPropertyDescriptors(namespace);
  // Not enumerable: keys, iteration and valueOf() stay the module's
  // declarations. As in an ES import, it takes the place of a declaration of that name.
  properties.__zigar = { value: exports.__zigar };
  const view = Object.defineProperties({}, properties);
  return Object.preventExtensions(view);
}
