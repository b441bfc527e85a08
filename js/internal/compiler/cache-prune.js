// Listing and removing the cache's compiled modules (its `modules/`
// folder, where nearly all its size is), least recently used first. An
// entry's modification time is when an import last used it (cache.js
// renews it on a hit). Entries used in the last few minutes are never
// removed: another process may be between finding one and loading it.
// Compiles that died leave scratch folders, which go too once old; and
// V8's code caches of the packed package's scripts go with age alone (they
// are not renewed on use: one removed while in use is written again by
// the next import, for the cost of compiling the script once).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_CACHE_FOLDER } from './cache-root.js';

/** How recently used an entry must be to be spared whatever the limits. */
export const IN_USE_MS = 5 * 60_000;
/** How old a scratch folder (`tmp-*`) must be to count as left by a dead compile. */
const LEFTOVER_AFTER_MS = 24 * 3600_000;
const KEY = /-([0-9a-f]{32})\.[a-z]+$/;

/** The compiled modules in cache `root`: `{ path, name, size, lastUsed }`, least recently used first. */
export function cacheEntries(root) {
  return filesIn(join(root, 'modules')).sort((a, b) => a.lastUsed - b.lastUsed);
}

/** The files in `dir`: `{ path, name, size, lastUsed }`, `lastUsed` being the modification time. */
function filesIn(dir) {
  const files = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name)) {
    const stats = statSync(join(dir, name), { throwIfNoEntry: false });
    // Gone since the listing: pruned or replaced by another process.
    if (stats) files.push({ path: join(dir, name), name, size: stats.size, lastUsed: stats.mtimeMs });
  }
  return files;
}

/**
 * Removes (or, with `dryRun`, only lists) the entries of cache `root` last
 * used more than `olderThanMs` ago, then the least recently used until the
 * rest fit in `maxBytes` (either null for no such limit), sparing the paths
 * in `keep` and entries in use. `{ removed, kept, leftovers, codeCaches }`:
 * the entries removed and kept, the scratch folders of dead compiles
 * removed, and the code caches older than `olderThanMs` removed.
 */
export function pruneCache(root, { olderThanMs = null, maxBytes = null, keep = [], dryRun = false, now = Date.now() } = {}) {
  const entries = existsDir(join(root, 'modules')) ? cacheEntries(root) : [];
  const spared = (entry) => keep.includes(entry.path) || now - entry.lastUsed < IN_USE_MS;
  let total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const removed = [];
  const kept = [];
  for (const entry of entries) {
    const tooOld = olderThanMs !== null && now - entry.lastUsed > olderThanMs;
    const overSize = maxBytes !== null && total > maxBytes;
    if ((tooOld || overSize) && !spared(entry)) {
      removed.push(entry);
      total -= entry.size;
    } else {
      kept.push(entry);
    }
  }
  const leftovers = scratchLeftovers(root, now);
  const codeCaches = olderThanMs === null ? [] : codeCachesOlderThan(root, now - olderThanMs);
  if (!dryRun) {
    for (const entry of removed) removeEntry(root, entry);
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
    for (const cache of codeCaches) rmSync(cache.path, { force: true });
  }
  return { removed, kept, leftovers, codeCaches };
}

/** Removes an entry, and the build folder `zig build` used for it, if any. */
function removeEntry(root, entry) {
  rmSync(entry.path, { force: true });
  const key = KEY.exec(entry.name)?.[1];
  if (key) rmSync(join(root, 'builds', key), { recursive: true, force: true });
}

function scratchLeftovers(root, now) {
  if (!existsDir(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('tmp-'))
    .map((name) => join(root, name))
    .filter((dir) => now - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? now) > LEFTOVER_AFTER_MS);
}

/** The code caches of cache `root` written before `time` (see filesIn). */
function codeCachesOlderThan(root, time) {
  const dir = join(root, CODE_CACHE_FOLDER);
  return existsDir(dir) ? filesIn(dir).filter((file) => file.lastUsed < time) : [];
}

function existsDir(path) {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Total size in bytes of the files under `dir` (0 when it does not exist); symbolic links are not followed. */
export function folderSize(dir) {
  let total = 0;
  let list;
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const item of list) {
    const path = join(dir, item.name);
    if (item.isDirectory()) total += folderSize(path);
    else if (item.isFile()) total += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}
