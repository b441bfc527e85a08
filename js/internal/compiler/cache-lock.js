// One compile per cache entry at a time, across processes: the first
// importer of an uncached module takes a lock file beside the cache's
// modules and compiles; the others wait for its library and use it. The
// lock only saves work: the library is still written aside and renamed
// into place (build.js), so even two compiles that overlap leave one whole
// file. A lock whose holder died (SIGKILL, power loss) is recognised as
// stale, because its owner no longer runs or has stopped renewing it.
import {
  closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheHit } from './cache.js';

/** How often a holder renews its lock, and how old an unrenewed one may get before it counts as abandoned. */
const RENEW_EVERY_MS = 5_000;
const STALE_AFTER_MS = 30_000;
const POLL_EVERY_MS = 150;

/** Path of the lock file guarding the cache entry at `target` under cache `root`. */
export function lockPath(root, target) {
  return join(root, 'locks', `${basename(target)}.lock`);
}

/**
 * Runs `build()` unless the library at `target` exists or appears while
 * another process holds its lock; resolves once the library is there (or
 * rejects with `build()`'s error). A waiter whose holder failed builds
 * itself, so it reports the same compile error in its own words.
 */
export async function buildOnce(root, target, build) {
  const file = lockPath(root, target);
  for (;;) {
    if (cacheHit(target)) return;
    const lock = tryLock(file);
    if (lock) {
      try {
        // The holder before us may have finished between the check and the lock.
        if (!cacheHit(target)) await build();
      } finally {
        lock.release();
      }
      return;
    }
    const stale = staleLock(file);
    if (stale) breakStaleLock(file, stale);
    else await sleep(POLL_EVERY_MS);
  }
}

/**
 * Removes the lock at `file` that was judged stale when it read `stale`,
 * unless another waiter broke it first and took a fresh lock there
 * meanwhile: deleting by name would then delete that one, and a third
 * process would compile beside it. Moving the file aside is atomic, so of
 * several waiters breaking the same lock, one gets it; a lock moved aside
 * that is not the stale one (another owner) is linked back. (Not the
 * inode: a lock made right after the old one was removed often reuses it.)
 */
export function breakStaleLock(file, stale) {
  const aside = `${file}.${process.pid}.broken`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  if (readText(aside) !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // Yet another lock is there by now: its holder compiles, and the rename keeps the result whole.
    }
  }
  rmSync(aside, { force: true });
}

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The lock at `file` if no one holds it: `{ release() }`, renewed until released; else null. */
function tryLock(file) {
  mkdirSync(join(file, '..'), { recursive: true });
  let fd;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if (err.code === 'EEXIST') return null;
    throw err;
  }
  const own = JSON.stringify({ pid: process.pid, host: hostname() });
  writeSync(fd, own);
  closeSync(fd);
  const renew = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      // Taken over as stale after all (a stalled process); the rename keeps the result whole.
    }
  }, RENEW_EVERY_MS);
  // A waiting compile keeps the process alive by itself; the timer must not.
  renew.unref();
  return {
    release() {
      clearInterval(renew);
      // Ours only: if it was taken over as stale (a stalled process), the file is another's lock now.
      if (readText(file) === own) rmSync(file, { force: true });
    },
  };
}

/**
 * What the lock at `file` reads (its owner) if it was left by a process
 * that is gone or no longer renews it, else null.
 */
export function staleLock(file) {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return null;
  const text = readText(file);
  if (text === null) return null;
  if (Date.now() - stats.mtimeMs > STALE_AFTER_MS) return text;
  let owner;
  try {
    owner = JSON.parse(text);
  } catch {
    // Being written this very moment; judged by its age alone.
    return null;
  }
  return owner.host === hostname() && !isRunning(owner.pid) ? text : null;
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another user.
    return err.code === 'EPERM';
  }
}
