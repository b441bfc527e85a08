// The command of a build through Zig's build system, for a module with a
// build.extra.zig or under a build.zig.zon: a folder per build key in the
// cache receives the generated build.zig (build-script.js), a copy of
// build.extra.zig (an empty one when there is none) and of build.zig.zon
// (its paths made relative to the build folder); `zig build` installs the artifact into
// the scratch folder it is then renamed from.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildScript } from './build-script.js';
import { exporterPaths } from './build.js';

/**
 * `command` for buildLibrary: writes the build folder `dir`, and runs
 * `zig build` there. `extra` is build.extra.zig's path or null, `pkg` what
 * packages.js found or null, `header` the C header or null.
 */
export function zigBuild({
  dir, source, extra, pkg, header, options, mode, optimize, zig, root, linkLibc, zigArgs, strip, triple, extension,
}) {
  return (scratch) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'build.zig'), buildScript({
      paths: { source, sourceDir: dirname(source), options, header, ...exporterPaths(zig.version) },
      wasm: mode === 'wasm',
      linkLibc,
      errorTracing: optimize === 'ReleaseSafe' && mode !== 'wasm',
      strip,
      dependencies: pkg ? pkg.dependencies.map((d) => d.name) : [],
    }));
    if (extra) copyFileSync(extra, join(dir, 'build.extra.zig'));
    else writeFileSync(join(dir, 'build.extra.zig'), '//! No build.extra.zig beside the module.\n');
    if (pkg) writeFileSync(join(dir, 'build.zig.zon'), pkg.copyFor(dir));
    const args = [
      'build', `-Doptimize=${optimize}`, ...(triple ? [`-Dtarget=${triple}`] : []),
      '--prefix', scratch,
      '--cache-dir', join(root, 'zig-cache'),
      ...zigArgs,
    ];
    // Zig 0.17's `zig build` takes the global cache (packages, libc) only from the environment.
    const env = { ZIG_GLOBAL_CACHE_DIR: join(root, 'zig-global-cache') };
    const output = installedPath(scratch, extension);
    // Zig names them by absolute path, or (0.17) relative to the build folder.
    const shownPaths = [
      ...(extra ? [[join(dir, 'build.extra.zig'), extra], [/^\.\/build\.extra\.zig(?=:)/gm, extra]] : []),
      ...(pkg ? [[join(dir, 'build.zig.zon'), pkg.file], [/^\.\/build\.zig\.zon(?=:)/gm, pkg.file]] : []),
    ];
    return { args, cwd: dir, env, output, shownPaths };
  };
}

/** The build.extra.zig beside `source`, or null. */
export function extraFile(source) {
  const file = join(dirname(source), 'build.extra.zig');
  return existsSync(file) ? file : null;
}

/** Where `zig build --prefix scratch` installs the module: executables and DLLs in bin/, libraries in lib/. */
function installedPath(scratch, extension) {
  if (extension === '.wasm') return join(scratch, 'bin', 'module.wasm');
  if (extension === '.dll') return join(scratch, 'bin', 'module.dll');
  return join(scratch, 'lib', `libmodule${extension}`);
}
