// Fixture folders tests change: each copied to a temp dir first, so that the
// tree under zig-fixtures/ stays as it is.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './fixtures.js';

/** A copy of fixture folder `name` (under zig-fixtures/build/) in a temp dir removed after test `t`. */
export function copyFolder(t, name) {
  const dir = tempDir(t, 'zigport-build-');
  cpSync(join(ROOT, 'zig-fixtures', 'build', name), dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in `file`, which must contain it. */
export function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}
