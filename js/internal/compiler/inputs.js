// The files besides Zig sources that a build reads, for the build key: C
// sources and headers beside the module and in its include folders, and
// the files of package dependencies. Folders of tools' output and of
// installed JS packages are skipped.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SKIPPED = new Set(['node_modules', '.zig-cache', 'zig-cache', 'zig-out', '.git']);
const C_FILE = /\.(?:c|h|cc|cpp|hpp|inc)$/;
const STRING = /"((?:[^"\\\n]|\\.)*)"/g;

/** Every file under `dir` (recursively, sorted) whose name `wanted` accepts. */
export function filesUnder(dir, wanted) {
  const found = [];
  const visit = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && wanted(entry.name)) found.push(path);
    }
  };
  if (existsSync(dir)) visit(dir);
  return found.sort();
}

/**
 * C files a module's build may read: those under its folder, and under
 * (or named by) each string of build.extra.zig that is an existing path
 * relative to the module's folder (its include paths and C sources).
 */
export function cInputs(source, extraText = '') {
  const dir = dirname(source);
  const files = new Set(filesUnder(dir, (name) => C_FILE.test(name)));
  for (const [, literal] of extraText.matchAll(STRING)) {
    const path = resolve(dir, literal);
    if (!literal || !existsSync(path)) continue;
    if (statSync(path).isDirectory()) filesUnder(path, (name) => C_FILE.test(name)).forEach((f) => files.add(f));
    else files.add(path);
  }
  return [...files].sort();
}
