// The `c` module of a bare build: `zig translate-c` of the build.extra.h
// beside the module, else of zigport's default header (js/zig/c/default.h),
// for the module's target, with the module's folder as include path. The
// translation is kept in the cache under the hash of its inputs.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZigCompileError } from '../errors.js';
import { buildKey } from './cache.js';
import { runZig } from './run.js';

export const DEFAULT_HEADER = fileURLToPath(new URL('../../zig/c/default.h', import.meta.url));
const IMPORTS_C = /@import\(\s*"c"\s*\)/;

/** Whether Zig source `{ path, content }` imports the module `c`. */
export function importsC({ path, content }) {
  return path.endsWith('.zig') && IMPORTS_C.test(content.toString('utf8'));
}

/** The header `source` sees as `c`: build.extra.h beside it, else the default one. */
export function cHeader(source) {
  const own = join(dirname(source), 'build.extra.h');
  return existsSync(own) ? own : DEFAULT_HEADER;
}

/**
 * Path of the Zig translation of `header` for `triple` (null: this machine), made with `zig` unless
 * the cache has it; `inputs` are the other files whose change must redo it
 * (the headers it may include). Rejects with ZigCompileError.
 */
export async function translateC({ zig, header, triple, root, inputs }) {
  const key = buildKey([zig.version, triple ?? 'native', header, readFileSync(header),
    ...inputs.flatMap((file) => [file, readFileSync(file)])]);
  const output = join(root, 'c', `c-${key}.zig`);
  if (existsSync(output)) return output;
  const args = [
    'translate-c', ...(triple ? ['-target', triple] : []), '-lc',
    '--global-cache-dir', join(root, 'zig-global-cache'),
    // `#include "x.h"` finds the module's own headers.
    '-I', dirname(header), header,
  ];
  const { code, stdout, stderr } = await runZig(zig.path, args, process.cwd());
  if (code !== 0) throw new ZigCompileError(header, stderr || `zig translate-c exited with status ${code}`);
  mkdirSync(dirname(output), { recursive: true });
  // Written aside and renamed, so a concurrent build reads a whole file.
  const aside = `${output}.${process.pid}.tmp`;
  writeFileSync(aside, stdout);
  renameSync(aside, output);
  return output;
}
