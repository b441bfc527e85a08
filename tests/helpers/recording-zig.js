// A stand-in zig that records how it was run: for tests that check whether
// (and how) zigport ran the compiler.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, zigBinary } from './fixtures.js';

/** A zig that appends each invocation's arguments to `log`, then runs the real one: `{ bin, zig, log }`. */
export function recordingZig(t) {
  const bin = tempDir(t, 'zigport-zig-');
  const log = join(bin, 'invocations.log');
  const zig = join(bin, 'zig');
  writeFileSync(zig, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${zigBinary()}' "$@"\n`);
  chmodSync(zig, 0o755);
  writeFileSync(log, '');
  return { bin, zig, log };
}
