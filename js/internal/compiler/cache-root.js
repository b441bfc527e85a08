// Where zigport keeps what it compiles: $ZIGPORT_CACHE_DIR, else
// $XDG_CACHE_HOME or ~/.cache, under "zigport". Its own module, so that the
// runtime finds the cache without loading the compiler's.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder, under the cache root, of V8's code caches of the packed package's scripts (runtime/code-cache.js). */
export const CODE_CACHE_FOLDER = 'code';

/** The cache root directory. */
export function cacheRoot(env = process.env) {
  if (env.ZIGPORT_CACHE_DIR) return env.ZIGPORT_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'zigport');
}
