// What a user sees when the cache directory cannot take a compiled module:
// one message naming the directory, what is wrong with it and what to do,
// in place of a file system error's stack from wherever it surfaced.

/** Codes of file system errors that mean the cache directory itself is unusable. */
const UNUSABLE = {
  ENOSPC: 'is full: no space left on its device',
  EDQUOT: 'is full: disk quota exceeded',
  EACCES: 'is not writable: permission denied',
  EPERM: 'is not writable: operation not permitted',
  EROFS: 'is on a read-only file system',
  ENOTDIR: 'cannot be created: part of its path is a file, not a directory',
  EEXIST: 'cannot be created: a file stands where a directory should be',
};

/** The cache directory could not be written; `directory` is the cache root, `code` the cause. */
export class CacheDirectoryError extends Error {
  constructor(directory, code) {
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    super(`zigport's cache directory ${directory} ${UNUSABLE[code]} (${code}): `
      + `${full ? 'free some space (npx zigport cache prune removes old modules), or ' : ''}`
      + 'set ZIGPORT_CACHE_DIR to a writable directory');
    this.name = 'CacheDirectoryError';
    this.directory = directory;
    this.code = code;
  }
}

/**
 * `err` as a CacheDirectoryError when it is a file system error about a
 * path inside the cache `root` that makes the cache unusable; else `err`.
 */
export function asCacheError(err, root) {
  if (err instanceof CacheDirectoryError || !UNUSABLE[err?.code]) return err;
  const paths = [err.path, err.dest].filter(Boolean);
  if (!paths.some((path) => path === root || path.startsWith(`${root}/`) || root.startsWith(`${path}/`))) return err;
  return new CacheDirectoryError(root, err.code);
}

/** Whether Zig's diagnostics say the disk it wrote to is full. */
export function zigRanOutOfSpace(diagnostics) {
  return /\bNoSpaceLeft\b|\bDiskQuota\b/.test(diagnostics);
}
