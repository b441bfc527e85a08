// Taking over the lock a dead compile left: of several waiters that judged
// the same lock stale, one breaks it and locks the entry afresh; the others
// must leave that new lock alone, or a third process compiles beside it.
// (Four cold imports at once: cache.test.js; a compile killed midway:
// cache-pressure.test.js.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { breakStaleLock, staleLock } from '../../js/internal/compiler/cache-lock.js';
import { tempDir } from '../helpers/fixtures.js';

/** A lock file at `dir`/locks/entry.lock held by `pid` on this host. */
function writeLock(dir, pid, flag = 'w') {
  const file = join(dir, 'locks', 'entry.lock');
  mkdirSync(join(dir, 'locks'), { recursive: true });
  writeFileSync(file, JSON.stringify({ pid, host: hostname() }), { flag });
  return file;
}

/** The pid of a process that has exited. */
function deadPid() {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

test('a lock whose process has exited is stale; one whose process runs is not', (t) => {
  const dir = tempDir(t);
  assert.ok(staleLock(writeLock(dir, deadPid())));
  assert.equal(staleLock(writeLock(dir, process.pid)), null);
});

test('a waiter breaking a stale lock after another waiter broke it and locked afresh leaves the new lock', (t) => {
  const dir = tempDir(t);
  const file = writeLock(dir, deadPid());
  // Both waiters judge the dead compile's lock stale...
  const judgedByFirst = staleLock(file);
  const judgedBySecond = staleLock(file);
  assert.ok(judgedByFirst && judgedBySecond);
  // ...the first breaks it and takes the entry's lock itself...
  breakStaleLock(file, judgedByFirst);
  writeLock(dir, process.pid, 'wx');
  // ...then the second acts on its judgement of the old lock.
  breakStaleLock(file, judgedBySecond);
  assert.ok(existsSync(file), 'the first waiter\'s lock was removed');
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid);
  assert.equal(staleLock(file), null);
  assert.deepEqual(readdirSync(join(dir, 'locks')), ['entry.lock'], 'nothing else is left beside the lock');
});

test('breaking a lock that is already gone does nothing', (t) => {
  const dir = tempDir(t);
  const file = writeLock(dir, deadPid());
  const judged = staleLock(file);
  breakStaleLock(file, judged);
  breakStaleLock(file, judged);
  assert.deepEqual(readdirSync(join(dir, 'locks')), []);
});
