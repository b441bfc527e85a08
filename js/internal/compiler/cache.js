// Where compiled modules live: $ZIGPORT_CACHE_DIR, else $XDG_CACHE_HOME or
// ~/.cache, under "zigport". A module's file name carries the hash of
// everything that affects the build, so a stale entry is never picked up.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** The cache root directory. */
export function cacheRoot(env = process.env) {
  if (env.ZIGPORT_CACHE_DIR) return env.ZIGPORT_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'zigport');
}

/** Hash of every input of a build, as a short hex string. */
export function buildKey(parts) {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? part : part);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Path of the compiled module for `sourceFile` with build key `key`. */
export function libraryPath(root, sourceFile, key, extension = '.so') {
  return join(root, 'modules', `${basename(sourceFile, '.zig')}-${key}${extension}`);
}
