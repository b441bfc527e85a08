// Finds the Zig compiler: $ZIG when set (and then only it), else the
// project-local install made by scripts/setup.sh (from PyPI's ziglang
// package), then `zig` on PATH. Only the version zigport's exporter is
// written for is accepted.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ZIG_VERSION = '0.15.2';
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LOCAL_ZIG = join(PROJECT_ROOT, '.tools', 'zig', 'ziglang', 'zig');

let found = null;

/**
 * `{ path, version }` of the Zig compiler to use. The version is cached in
 * `cacheRoot` by the binary's path, size and mtime, so a warm import never
 * runs zig.
 */
export function findZig(cacheRoot) {
  if (found) return found;
  // A ZIG the user chose is not second-guessed: falling back to another zig
  // would hide that theirs is wrong.
  const candidates = process.env.ZIG
    ? [process.env.ZIG]
    : [existsSync(LOCAL_ZIG) ? LOCAL_ZIG : null, onPath('zig') ?? 'zig'].filter(Boolean);
  const rejected = [];
  for (const path of candidates) {
    const version = versionOf(path, cacheRoot);
    if (version === ZIG_VERSION) return (found = { path, version });
    rejected.push(`${path}: ${version ?? 'not runnable'}`);
  }
  throw new Error(
    `zigport needs Zig ${ZIG_VERSION}. Tried ${rejected.join('; ')}. ` +
    `Install it with scripts/setup.sh, or set ZIG to a zig ${ZIG_VERSION} binary.`,
  );
}

function versionOf(path, cacheRoot) {
  const stamp = fileStamp(path);
  const memo = join(cacheRoot, 'toolchain.json');
  const known = stamp && readJson(memo);
  if (known && known.stamp === stamp) return known.version;
  let version;
  try {
    version = execFileSync(path, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
  if (stamp) {
    mkdirSync(dirname(memo), { recursive: true });
    writeFileSync(memo, JSON.stringify({ stamp, version }));
  }
  return version;
}

/**
 * Absolute path of executable `name` on PATH. A bare name has no file to
 * stamp, so its version would be asked for on every start.
 */
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

/** Identity of a binary given by path (null for a bare command name). */
function fileStamp(path) {
  if (!path.includes('/')) return null;
  try {
    const s = statSync(path);
    return `${path}:${s.size}:${s.mtimeMs}`;
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
