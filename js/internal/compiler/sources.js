// The source graph of a module: its file plus every file it reaches through
// `@import("x.zig")`, `@import("x.zon")` or `@embedFile("x")` with a relative
// path. A change to any of them changes the build key.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const REFERENCE = /@(import|embedFile)\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g;

/** `[{ path, content }]` for `file` and everything it references, sorted. */
export function collectSources(file) {
  const seen = new Map();
  const pending = [resolve(file)];
  while (pending.length > 0) {
    const path = pending.pop();
    if (seen.has(path) || !existsSync(path)) continue;
    const content = readFileSync(path);
    seen.set(path, content);
    if (!path.endsWith('.zig')) continue;
    for (const [, kind, target] of content.toString('utf8').matchAll(REFERENCE)) {
      // `@import` takes a path for .zig and .zon files (ZON data, Zig 0.14+);
      // any other name is a module such as "std".
      const relative = kind === 'embedFile' || target.endsWith('.zig') || target.endsWith('.zon');
      if (relative) pending.push(resolve(dirname(path), target));
    }
  }
  return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => ({ path, content }));
}
