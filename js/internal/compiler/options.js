// Build options of an import, from its query string
// (`./math.zig?optimize=ReleaseFast`) over the defaults (environment).

const OPTIMIZE_MODES = ['Debug', 'ReleaseSafe', 'ReleaseSmall', 'ReleaseFast'];
const KNOWN = new Set(['optimize']);

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
  return { optimize };
}
