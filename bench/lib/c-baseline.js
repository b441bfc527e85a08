// Builds and loads the C N-API baseline (baseline/empty-napi.c) with gcc.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../baseline/empty-napi.c', import.meta.url));

/** `{ empty, add, callLoop }` from the C addon, compiled into `dir`. */
export function loadCBaseline(dir) {
  mkdirSync(dir, { recursive: true });
  const output = join(dir, 'empty-napi.node');
  execFileSync('gcc', ['-O2', '-shared', '-fPIC', '-I/usr/include/node', SOURCE, '-o', output]);
  return createRequire(import.meta.url)(output);
}
