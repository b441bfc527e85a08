// Build options of an import, from its query string
// (`./math.zig?optimize=ReleaseFast&target=wasm&zigVersion=0.16`) over the
// defaults (environment: ZIGPORT_OPTIMIZE, ZIGPORT_TARGET). The Zig version
// is only passed on: toolchain.js weighs it against the other places that
// may name one, and checks it.

const OPTIMIZE_MODES = ['Debug', 'ReleaseSafe', 'ReleaseSmall', 'ReleaseFast'];
/** `native`: a shared library called through the addon; `wasm`: WebAssembly run by Node. */
const TARGETS = ['native', 'wasm'];
const KNOWN = new Set(['optimize', 'target', 'zigVersion']);

/** Reads options from URL search params; unknown keys are an error. */
export function parseOptions(searchParams, env = process.env) {
  for (const key of searchParams.keys()) {
    if (!KNOWN.has(key)) {
      throw new TypeError(`Unrecognized option "${key}" in import query; known options: ${[...KNOWN].join(', ')}`);
    }
  }
  // An empty ZIGPORT_OPTIMIZE counts as unset, as an empty ZIGPORT_CACHE_DIR does.
  const optimize = searchParams.get('optimize') ?? (env.ZIGPORT_OPTIMIZE || 'Debug');
  if (!OPTIMIZE_MODES.includes(optimize)) {
    throw new TypeError(`Unknown optimize mode "${optimize}"; use one of ${OPTIMIZE_MODES.join(', ')}`);
  }
  const target = searchParams.get('target') ?? (env.ZIGPORT_TARGET || 'native');
  if (!TARGETS.includes(target)) {
    throw new TypeError(`Unknown target "${target}"; use one of ${TARGETS.join(', ')}`);
  }
  return { optimize, target, zigVersion: searchParams.get('zigVersion') ?? undefined };
}
