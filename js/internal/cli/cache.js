// `zigport cache info` and `zigport cache prune`: what the compile cache
// holds, and removing the compiled modules no import has used lately.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_CACHE_FOLDER, cacheRoot } from '../compiler/cache-root.js';
import { DEFAULT_SIZE_LIMIT, parseDuration, parseSize, sizeLimit } from '../compiler/cache-limit.js';
import { cacheEntries, folderSize, pruneCache } from '../compiler/cache-prune.js';
import { UsageError } from './usage-error.js';

export const summary = 'show the compile cache (info) or remove modules not used lately (prune)';

export const usage = `Usage: zigport cache info
       zigport cache prune [--older-than AGE] [--max-size SIZE] [--dry-run]

The cache (ZIGPORT_CACHE_DIR, else ~/.cache/zigport) holds every compiled
module, named by the hash of its inputs, and Zig's own caches.

info     its location, how many compiled modules it holds and their size
prune    removes the compiled modules last used more than AGE ago, then
         the least recently used until the rest fit in SIZE; modules used
         in the last five minutes stay. Code caches of zigport's own
         scripts older than AGE go too (the next import writes them again).
         Without options: --older-than 30d and the size cap
         (ZIGPORT_CACHE_MAX_SIZE, default 1GB).

Options:
  --older-than AGE   such as 30d, 12h, 2w
  --max-size SIZE    such as 500MB, 2GB
  --dry-run          list what would be removed, remove nothing
`;

const DEFAULT_AGE = '30d';

/** Runs `cache info` or `cache prune`; resolves to the exit code. */
export async function run(args) {
  const [action, ...rest] = args;
  if (action === 'info') return info(rest);
  if (action === 'prune') return prune(rest);
  throw new UsageError(action === undefined ? 'name an action: info or prune' : `unknown action "${action}"; use info or prune`, 'cache');
}

function info(args) {
  if (args.length > 0) throw new UsageError(`cache info takes no arguments, not ${args.join(' ')}`, 'cache');
  const root = cacheRoot();
  const entries = listed(root);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const lines = [
    `location:        ${root}`,
    `modules:         ${entries.length} (${formatSize(total)})`,
    `size limit:      ${formatLimit(sizeLimit(null))}`,
    `zig's caches:    ${formatSize(folderSize(join(root, 'zig-cache')) + folderSize(join(root, 'zig-global-cache')))}`,
    `code caches:     ${formatSize(folderSize(join(root, CODE_CACHE_FOLDER)))} (V8's, of zigport's own scripts)`,
  ];
  if (entries.length > 0) lines.push(`least recent use: ${new Date(entries[0].lastUsed).toISOString()}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function prune(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { 'older-than': { type: 'string' }, 'max-size': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`cache prune takes options only, not ${positionals.join(' ')}`, 'cache');
  const chosen = values['older-than'] !== undefined || values['max-size'] !== undefined;
  const age = values['older-than'] ?? (chosen ? null : DEFAULT_AGE);
  const olderThanMs = age === null ? null : parseDuration(age, '--older-than');
  const limit = values['max-size'] !== undefined ? parseSize(values['max-size'], '--max-size') : chosen ? 0 : sizeLimit(null);
  const root = cacheRoot();
  const dryRun = values['dry-run'] ?? false;
  const { removed, kept, leftovers, codeCaches } = pruneCache(root, { olderThanMs, maxBytes: limit > 0 ? limit : null, dryRun });
  const verb = dryRun ? 'would remove' : 'removed';
  for (const entry of removed) process.stdout.write(`${verb} ${entry.name} (${formatSize(entry.size)})\n`);
  for (const dir of leftovers) process.stdout.write(`${verb} ${dir} (left by a compile that did not finish)\n`);
  for (const cache of codeCaches) process.stdout.write(`${verb} ${CODE_CACHE_FOLDER}/${cache.name} (a code cache of zigport's scripts, ${formatSize(cache.size)})\n`);
  const freed = removed.reduce((sum, entry) => sum + entry.size, 0);
  const left = kept.reduce((sum, entry) => sum + entry.size, 0);
  process.stdout.write(`${verb} ${removed.length} module${removed.length === 1 ? '' : 's'} (${formatSize(freed)}); `
    + `${kept.length} kept (${formatSize(left)}) in ${root}\n`);
  return 0;
}

/** The cache's entries, none when it has no modules folder yet. */
function listed(root) {
  try {
    return cacheEntries(root);
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
}

function formatLimit(bytes) {
  if (bytes === 0) return 'none (0)';
  return `${formatSize(bytes)}${bytes === DEFAULT_SIZE_LIMIT && !process.env.ZIGPORT_CACHE_MAX_SIZE ? ' (default)' : ''}`;
}

/** `bytes` in the largest unit that keeps it at 1 or more, as 12.3 MB. */
export function formatSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
