// What `zigport build` builds: which modules, to which entries, for which
// platforms. From the command line, or else from the config file in the
// current folder or a parent (zigport.config.json, or Zigar's
// node-zigar.config.json): `modules` maps each entry to its source and
// `targets` lists the platforms.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { nearestFile } from '../compiler/project-files.js';
import { knownPlatformNames, platformName } from '../compiler/platforms.js';
import { currentPlatform } from '../runtime/platform.js';
import { UsageError } from './usage-error.js';

const CONFIG_FILES = ['zigport.config.json', 'node-zigar.config.json'];

/**
 * `{ modules: [{ source, entry }], targets }` for the command line's
 * `sources` (paths of .zig files), `out` and `targets` (as given, or
 * undefined), with paths resolved from `cwd`.
 */
export function buildPlan({ sources, out, targets }, cwd) {
  const config = readBuildConfig(cwd);
  const modules = sources.length > 0
    ? sources.map((source) => ({ source: resolve(cwd, source), entry: entryFor(resolve(cwd, out ?? 'lib'), source) }))
    : config.modules;
  if (modules.length === 0) {
    throw new UsageError('name the .zig files to build, or list them under "modules" in zigport.config.json', 'build');
  }
  for (const { source } of modules) {
    if (!source.endsWith('.zig')) throw new UsageError(`${source} is not a .zig file`, 'build');
  }
  const named = targets !== undefined ? targets.split(',').map((t) => t.trim()).filter(Boolean) : config.targets;
  return { modules, targets: checkTargets(named ?? [currentPlatform()]) };
}

/** The entry `<out>/<name>.js` of a source file `<name>.zig`. */
function entryFor(out, source) {
  return join(out, `${basename(source, '.zig')}.js`);
}

function checkTargets(names) {
  const targets = names.map((name) => {
    const full = platformName(name);
    if (!full) throw new UsageError(`unknown target "${name}"; targets: ${knownPlatformNames().join(', ')}`, 'build');
    return full;
  });
  return [...new Set(targets)];
}

/** `{ modules, targets }` of the nearest config file (empty where none says). */
function readBuildConfig(cwd) {
  const file = nearestFile(cwd, CONFIG_FILES);
  if (!file) return { modules: [], targets: undefined };
  const config = JSON.parse(readFileSync(file, 'utf8'));
  const dir = dirname(file);
  const modules = Object.entries(config.modules ?? {}).map(([key, value]) => configModule(file, dir, key, value));
  const targets = config.targets === undefined ? undefined : configTargets(file, config.targets);
  return { modules, targets };
}

/**
 * One entry of `modules`: `"lib/sum.js": "zig/sum.zig"`, or Zigar's
 * `"lib/sum.zigar": { "source": "zig/sum.zig", "loader": "lib/sum.js" }`.
 */
function configModule(file, dir, key, value) {
  const source = typeof value === 'string' ? value : value?.source;
  if (typeof source !== 'string') throw new TypeError(`${file}: modules["${key}"] must name its source .zig file`);
  const entry = value?.loader ?? (key.endsWith('.zigar') ? `${key.slice(0, -'.zigar'.length)}.js` : key);
  return { source: resolve(dir, source), entry: resolve(dir, entry) };
}

/** `targets` as names: `"linux-arm64"`, or Zigar's `{ "platform": "linux-musl", "arch": "arm64" }`. */
function configTargets(file, targets) {
  if (!Array.isArray(targets)) throw new TypeError(`${file}: "targets" must be an array of platform names`);
  return targets.map((target) => {
    if (typeof target === 'string') return target;
    const { platform, arch } = target ?? {};
    if (typeof platform !== 'string' || typeof arch !== 'string') {
      throw new TypeError(`${file}: each target must be a name or { "platform", "arch" }, not ${JSON.stringify(target)}`);
    }
    if (arch === 'wasm32') return 'wasm32';
    const musl = platform === 'linux-musl';
    return `${musl ? 'linux' : platform}-${arch}${platform.startsWith('linux') ? (musl ? '-musl' : '-gnu') : ''}`;
  });
}
