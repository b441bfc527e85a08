// Where compiled modules live in the cache (whose root cache-root.js gives).
// A module's file name carries the hash of everything that affects the
// build, so a stale entry is never picked up.
import { createHash } from 'node:crypto';
import { statSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';

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

/** How stale an entry's last-use stamp may grow before a hit renews it. */
const USE_STAMP_EVERY_MS = 60_000;

/**
 * Whether the compiled module at `target` is in the cache; a hit renews its
 * modification time, the "last used" that pruning goes by. Renewed at most
 * once a minute, so a warm import costs one stat and rarely a utimes.
 */
export function cacheHit(target) {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats) return false;
  const now = Date.now();
  if (now - stats.mtimeMs > USE_STAMP_EVERY_MS) {
    try {
      utimesSync(target, new Date(now), new Date(now));
    } catch {
      // A read-only cache still serves what it holds; it just ages.
    }
  }
  return true;
}
