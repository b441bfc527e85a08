// A stand-in zig that records how it was run: for tests that check whether
// (and how) zigport ran the compiler.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, zigBinary } from './fixtures.js';

/**
 * A zig that appends each invocation's arguments to `log`, then runs the real
 * one: `{ bin, zig, log }`. With `stallCompiles`, a compile (build-lib,
 * build-exe, build) waits that many seconds first, so that a test can act
 * while one is certainly under way.
 */
export function recordingZig(t, { stallCompiles = 0 } = {}) {
  const bin = tempDir(t, 'zigport-zig-');
  const log = join(bin, 'invocations.log');
  const zig = join(bin, 'zig');
  const stall = stallCompiles ? `case "$1" in build*) sleep ${stallCompiles};; esac\n` : '';
  writeFileSync(zig, `#!/bin/sh\necho "$*" >> '${log}'\n${stall}exec '${zigBinary()}' "$@"\n`);
  chmodSync(zig, 0o755);
  writeFileSync(log, '');
  return { bin, zig, log };
}
