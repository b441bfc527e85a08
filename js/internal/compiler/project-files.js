// Files a module's build looks for in its own folder or a parent one, up to
// the project root: the nearest folder with a package.json (the project the
// module belongs to), or the filesystem root.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Path of the nearest of `names` in `dir` or a parent up to the project root, or null. */
export function nearestFile(dir, names) {
  for (let at = dir; ; at = dirname(at)) {
    for (const name of names) if (existsSync(join(at, name))) return join(at, name);
    // The project root is searched, not left.
    if (existsSync(join(at, 'package.json')) || dirname(at) === at) return null;
  }
}
