// The compiler driver: maps a .zig file and its options to a compiled
// library in the cache, building it only when no library with the same build
// key exists. A module with a build.extra.zig or under a build.zig.zon is
// built with Zig's build system; any other with one bare `zig build-lib`
// (or `build-exe` for WebAssembly), which skips compiling a build runner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKey, cacheHit, libraryPath } from './cache.js';
import { cacheRoot } from './cache-root.js';
import { asCacheError } from './cache-errors.js';
import { sizeLimit } from './cache-limit.js';
import { buildOnce } from './cache-lock.js';
import { pruneCache } from './cache-prune.js';
import { collectSources } from './sources.js';
import { findZig } from './toolchain.js';
import { wantedZig } from './wanted-zig.js';
import { bareBuild, buildArguments, buildLibrary } from './build.js';
import { DEFAULT_HEADER, cHeader, importsC, translateC } from './c-module.js';
import { optionsModule, optionsText } from './options-module.js';
import { findPackage, packageInputs } from './packages.js';
import { cInputs } from './inputs.js';
import { extraFile, zigBuild } from './zig-build.js';
import { PLATFORMS } from './platforms.js';
import { exporterDigest } from './exporter-digest.js';

const NATIVE_TARGET = `${process.platform}-${process.arch}`;

/**
 * Path of the compiled module for `source` (a shared library, or a .wasm
 * file for target `wasm`), building it if needed. `options` as options.js
 * gives them.
 */
export async function compileModule(source, options) {
  const root = cacheRoot();
  try {
    const { target, build } = planModule(source, options);
    if (cacheHit(target)) return target;
    // Read before compiling, so that a bad setting fails before the wait.
    const limit = sizeLimit(source);
    await buildOnce(root, target, build);
    if (limit > 0) trimCache(root, target, limit);
    return target;
  } catch (err) {
    throw asCacheError(err, root);
  }
}

/** Applies the cache's size cap after a compile; a failure to prune costs a warning, not the import. */
function trimCache(root, target, limit) {
  try {
    pruneCache(root, { maxBytes: limit, keep: [target] });
  } catch (err) {
    process.emitWarning(`zigport could not trim its cache ${root} to its size limit: ${err.message}`);
  }
}

/**
 * `{ target, build }` for `source` with `options`, worked out without
 * compiling anything: `target` is where its compiled module is (or will
 * be) in the cache, `build()` compiles it there. Synchronous, so that a
 * caller that cannot wait (require(), cjs/) can see whether the cache
 * already holds the module.
 */
export function planModule(source, options) {
  const { optimize, target: mode = 'native', zigVersion, useLibc, zigArgs = [], strip = false } = options;
  const platform = buildPlatform(mode, options.platform);
  const root = cacheRoot();
  const zig = findZig(root, wantedZig(source, zigVersion));
  const sources = collectSources(source);
  // Native modules always link libc; a WebAssembly module links wasi-libc
  // only when its code reaches C (or useLibc says so), since the first such
  // build compiles wasi-libc (about 25 s) and every such module carries part of it.
  const linkLibc = mode !== 'wasm' || (useLibc ?? sources.some(reachesC));
  const optionsFile = optionsModule(root, optionsText(options));
  const extra = extraFile(source);
  // A build.zig.zon without dependencies adds nothing to the build.
  const pkg = [findPackage(source)].find((found) => found?.dependencies.length > 0) ?? null;
  const header = sources.some(importsC) ? cHeader(source) : null;
  const settings = {
    source, optimize, root, mode, zigVersion: zig.version, linkLibc, options: optionsFile, zigArgs, strip,
    triple: platform.triple, extension: platform.extension,
  };
  const usesBuildSystem = extra !== null || pkg !== null;
  const inputs = buildInputs(source, header, extra, pkg);
  const key = buildKey([
    zig.version, platform.triple ?? NATIVE_TARGET, optimize, String(usesBuildSystem),
    // The command line itself, so that changing a flag rebuilds.
    ...buildArguments({ ...settings, source: '', output: '', root: '', cModule: header && 'c' }),
    optionsText(options),
    exporterDigest(),
    ...sources.flatMap((s) => [s.path, s.content]),
    ...inputs.flatMap((file) => [file, readFileSync(file)]),
  ]);
  const target = libraryPath(root, source, key, platform.extension);
  const build = async () => {
    const command = usesBuildSystem
      ? zigBuild({ ...settings, dir: join(root, 'builds', `${key}`), extra, pkg, header, zig })
      : bareBuild({ ...settings, cModule: header && await translateC({ zig, header, triple: platform.triple, root, inputs }) });
    await buildLibrary({ zig, source, target, optimize, root, mode, command, platform: options.platform });
  };
  return { target, build };
}

/**
 * What `mode` and `platformName` (a name from platforms.js, for a build
 * meant for other machines) build for: `{ triple, extension }`, the triple
 * null for this machine's own CPU and system. A named platform gets Zig's
 * baseline CPU for its architecture, not this machine's features.
 */
function buildPlatform(mode, platformName) {
  if (mode === 'wasm') return PLATFORMS.wasm32;
  if (platformName === undefined) return { triple: null, extension: '.so' };
  const platform = PLATFORMS[platformName];
  if (!platform || platform.triple === PLATFORMS.wasm32.triple) {
    throw new TypeError(`Unknown native platform "${platformName}"; use one of ${Object.keys(PLATFORMS).filter((n) => n !== 'wasm32').join(', ')}`);
  }
  return platform;
}

/** Every file besides Zig sources the build reads, so that changing any rebuilds. */
function buildInputs(source, header, extra, pkg) {
  // The default header includes only libc's (and is part of the exporter).
  const ownHeader = header !== null && header !== DEFAULT_HEADER;
  const files = [
    ...(ownHeader ? [header] : []),
    ...(extra || ownHeader ? cInputs(source, extra ? readFileSync(extra, 'utf8') : '') : []),
    ...(extra ? [extra] : []),
    ...(pkg ? packageInputs(pkg) : []),
  ];
  return [...new Set(files)];
}

const C_REFERENCE = /@import\(\s*"c"\s*\)|\bextern\s+(?:"c"\s+)?fn\b|\bstd\.c\./;

/** Whether Zig source `file` imports C, declares an external function, or uses std.c. */
function reachesC({ path, content }) {
  return path.endsWith('.zig') && C_REFERENCE.test(content.toString('utf8'));
}
