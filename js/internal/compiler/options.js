// Build options of an import, from its query string
// (`./math.zig?optimize=ReleaseFast&target=wasm&omitFunctions=1`) over the
// module's config file (config-file.js) over the defaults (a bundler
// plugin's options, then the environment: ZIGPORT_OPTIMIZE, ZIGPORT_TARGET). Query names may be written in camel,
// snake or kebab case (`useLibc`, `use_libc`, `use-libc`), as in Zigar. The
// Zig version is only passed on: toolchain.js weighs it against the other
// places that may name one, and checks it.
import { readConfigFile } from './config-file.js';

const OPTIMIZE_MODES = ['Debug', 'ReleaseSafe', 'ReleaseSmall', 'ReleaseFast'];
/** `native`: a shared library called through the addon; `wasm`: WebAssembly run by Node. */
const TARGETS = ['native', 'wasm'];
const BOOLEANS = ['omitFunctions', 'omitVariables', 'useLibc', 'useRedirection', 'strip'];
const KNOWN = ['optimize', 'target', 'zigVersion', ...BOOLEANS, 'zigArgs'];

/**
 * Reads options from URL search params, and from the config file of
 * `source` when given, over `defaults` (options by their names here, as a
 * bundler plugin gives them); unknown names and bad values are errors.
 */
export function parseOptions(searchParams, env = process.env, source = null, defaults = {}) {
  const query = queryOptions(searchParams);
  const config = source ? readConfigFile(source).options : {};
  const pick = (name) => query[name] ?? config[name] ?? defaults[name];
  // An empty ZIGPORT_OPTIMIZE counts as unset, as an empty ZIGPORT_CACHE_DIR does.
  const optimize = pick('optimize') ?? (env.ZIGPORT_OPTIMIZE || 'Debug');
  if (!OPTIMIZE_MODES.includes(optimize)) {
    throw new TypeError(`Unknown optimize mode "${optimize}"; use one of ${OPTIMIZE_MODES.join(', ')}`);
  }
  const target = query.target ?? defaults.target ?? (env.ZIGPORT_TARGET || 'native');
  if (!TARGETS.includes(target)) {
    throw new TypeError(`Unknown target "${target}"; use one of ${TARGETS.join(', ')}`);
  }
  return {
    optimize,
    target,
    zigVersion: query.zigVersion ?? defaults.zigVersion,
    omitFunctions: pick('omitFunctions') ?? false,
    omitVariables: pick('omitVariables') ?? false,
    // Undefined: the default, libc natively and in WebAssembly when the code reaches C.
    useLibc: pick('useLibc'),
    useRedirection: pick('useRedirection') ?? true,
    // Debug information and names left out of the binary (Zig's -fstrip);
    // undefined: not asked for, which a bundler decides by the optimize mode.
    strip: pick('strip'),
    zigArgs: pick('zigArgs') ?? [],
  };
}

/** The query's options by their camel-case names, values converted. */
function queryOptions(searchParams) {
  const options = {};
  for (const [raw, value] of searchParams) {
    const name = raw.replace(/[-_]+([a-z])/g, (_, c) => c.toUpperCase());
    if (!KNOWN.includes(name)) {
      throw new TypeError(`Unrecognized option "${raw}" in import query; known options: ${KNOWN.join(', ')}`);
    }
    options[name] = convert(name, raw, value);
  }
  return options;
}

function convert(name, raw, value) {
  if (BOOLEANS.includes(name)) {
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    throw new TypeError(`Option "${raw}" in import query must be 1, 0, true or false, not "${value}"`);
  }
  // Zig's arguments are separated by spaces in a query, as on a command line.
  if (name === 'zigArgs') return value.split(' ').filter((arg) => arg !== '');
  return value;
}
