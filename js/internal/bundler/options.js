// The bundler plugin's options (Zigar's rollup-plugin names where they
// exist: optimize, embedWASM, stripWASM; any other build option of zigport's
// by its own name) and the build options of one `.zig` import under them:
// the import's query and zigport.config.json still come first.
import { fileURLToPath } from 'node:url';
import { CONFIG_TYPES } from '../compiler/config-file.js';
import { parseOptions } from '../compiler/options.js';

/** What each plugin option must be; build options as a config file holds them. */
const PLUGIN_TYPES = {
  ...CONFIG_TYPES,
  embedWASM: 'boolean',
  stripWASM: 'boolean',
  // Zigar's generated module may skip awaiting instantiation; here it always awaits.
  topLevelAwait: 'boolean',
};
/** Query parameters that the bundler, not the user, adds to an import. */
const BUNDLER_PARAMS = ['import'];

/** The plugin's options, checked: unknown names and values of the wrong type are TypeErrors. */
export function pluginOptions(options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('zigport plugin options must be an object');
  }
  for (const [key, value] of Object.entries(options)) {
    const type = PLUGIN_TYPES[key];
    if (!type) {
      throw new TypeError(`zigport plugin: unrecognized option "${key}"; known options: ${Object.keys(PLUGIN_TYPES).join(', ')}`);
    }
    const ok = type === 'any' || value === undefined || (type === 'array of strings'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : typeof value === type);
    if (!ok) throw new TypeError(`zigport plugin: "${key}" must be ${type === 'array of strings' ? 'an' : 'a'} ${type}, not ${JSON.stringify(value)}`);
  }
  if (options.topLevelAwait === false) {
    throw new TypeError('zigport plugin: topLevelAwait: false is not supported; the generated module always awaits the WebAssembly');
  }
  return { ...options, embedWASM: options.embedWASM ?? false };
}

/** `{ file, query }` of a module id (`/abs/f.zig?optimize=Debug`), or null if it is no .zig file. */
export function splitId(id) {
  const at = id.indexOf('?');
  const file = at < 0 ? id : id.slice(0, at);
  if (!file.endsWith('.zig') || id.startsWith('\0')) return null;
  const query = new URLSearchParams(at < 0 ? '' : id.slice(at + 1));
  for (const name of BUNDLER_PARAMS) query.delete(name);
  return { file: file.startsWith('file:') ? fileURLToPath(file) : file, query };
}

/**
 * The compiler's options for `file` imported with `query`, under the
 * plugin's `options`: always WebAssembly; ReleaseSmall in a production
 * build and Debug in development unless asked otherwise; stripped unless Debug.
 */
export function moduleOptions(file, query, options, { dev }) {
  const { embedWASM, stripWASM, topLevelAwait, ...build } = options;
  const defaults = { ...build, target: 'wasm', optimize: build.optimize ?? (dev ? 'Debug' : 'ReleaseSmall'), strip: stripWASM };
  // A bundle's build does not depend on the shell it runs in.
  const parsed = parseOptions(query, {}, file, defaults);
  if (parsed.target !== 'wasm') {
    throw new TypeError(`${file}: a bundled module is WebAssembly; target "${parsed.target}" cannot be bundled`);
  }
  return { ...parsed, strip: parsed.strip ?? parsed.optimize !== 'Debug' };
}
