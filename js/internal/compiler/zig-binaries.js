// The Zig compilers on this machine and the version each reports: the
// project-local installs made by scripts/setup.sh (.tools/zig-<version>/, from
// PyPI's ziglang package) and `zig` on PATH. What `zig version` said is
// remembered in the cache root's toolchain.json, one entry per binary keyed by
// its path, size and mtime, so that a warm import runs no zig however many
// versions are installed.
import { execFileSync } from 'node:child_process';
import {
  accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TOOLS = join(PROJECT_ROOT, '.tools');

/**
 * `[{ path, version }]` of every Zig found: the project-local ones first,
 * then the one on PATH. A binary that does not run is left out.
 */
export function installedZigs(cacheRoot) {
  const memo = openMemo(cacheRoot);
  const paths = [...localZigs(), onPath('zig')].filter(Boolean);
  const found = paths
    .map((path) => ({ path, version: memo.versionOf(path) }))
    .filter((zig) => zig.version !== null);
  memo.save();
  return found;
}

/** What `<path> version` prints, or null when it does not run. */
export function zigVersionOf(path, cacheRoot) {
  const memo = openMemo(cacheRoot);
  const version = memo.versionOf(path);
  memo.save();
  return version;
}

/** `.tools/zig-*\/ziglang/zig` of the project, whatever version each directory name claims. */
function localZigs() {
  let names;
  try {
    names = readdirSync(TOOLS).filter((name) => name.startsWith('zig-')).sort();
  } catch {
    return [];
  }
  return names.map((name) => join(TOOLS, name, 'ziglang', 'zig')).filter((path) => existsSync(path));
}

/** Absolute path of executable `name` on PATH, as a shell would find it. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const path = resolve(dir, name);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // not here; try the next directory
    }
  }
  return null;
}

/** The remembered versions of `cacheRoot`, written back once however many were asked. */
function openMemo(cacheRoot) {
  const file = join(cacheRoot, 'toolchain.json');
  const binaries = readJson(file)?.binaries ?? {};
  let changed = false;
  return {
    versionOf(path) {
      const stamp = fileStamp(path);
      const known = binaries[path];
      if (stamp && known?.stamp === stamp) return known.version;
      const version = runVersion(path);
      // A zig that does not run is asked again next time: it may be mid-install.
      if (stamp && version !== null) {
        binaries[path] = { stamp, version };
        changed = true;
      }
      return version;
    },
    save() {
      if (!changed) return;
      // Written aside and renamed, so a concurrent reader sees a whole file.
      // Two writers may each drop the other's new entry; it is asked again later.
      mkdirSync(dirname(file), { recursive: true });
      const scratch = `${file}.${process.pid}.tmp`;
      writeFileSync(scratch, JSON.stringify({ binaries }, null, 1));
      renameSync(scratch, file);
      changed = false;
    },
  };
}

function runVersion(path) {
  try {
    const out = execFileSync(path, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim() || null;
  } catch {
    return null;
  }
}

/** Identity of a binary: its size and mtime (null when it cannot be stat'ed). */
function fileStamp(path) {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
