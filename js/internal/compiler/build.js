// Runs Zig for one module: `build-lib` for a native shared library, or
// `build-exe` without an entry point for WebAssembly, or `zig build` of a
// generated build script (zig-build.js). The output is written aside and
// renamed into place, so a concurrent importer sees either no module or a
// whole one. A build slower than a second reports progress on stderr.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZigCompileError } from '../errors.js';
import { runZig } from './run.js';
import { CacheDirectoryError, zigRanOutOfSpace } from './cache-errors.js';
import { builtinsFileFor } from './zig-version.js';

const EXPORTER = fileURLToPath(new URL('../../zig/exporter.zig', import.meta.url));
const ZIGAR = fileURLToPath(new URL('../../zig/zigar/zigar.zig', import.meta.url));
const BUILTINS_DIR = fileURLToPath(new URL('../../zig/builtins/', import.meta.url));
const PROGRESS_AFTER_MS = 1000;

/**
 * The command-line arguments with which Zig `zigVersion` builds `source`
 * into `output`; `cModule` is the translated C the source imports as `c`
 * (c-module.js), `options` the exporter's `zigport_options` file
 * (options-module.js), `zigArgs` what the user adds.
 */
export function buildArguments({
  source, output, optimize, root, mode = 'native', zigVersion, linkLibc = false, cModule = null, options = '', zigArgs = [],
  strip = false, triple = null,
}) {
  const platform = mode === 'wasm'
    // Every `export fn` of the exporter is kept (-rdynamic); the host calls
    // them, there is no `main`. The host resets the shadow stack pointer
    // after a trap, so it is exported too. With wasi-libc the module is a
    // reactor, whose `_initialize` the host calls first.
    ? ['build-exe', '-target', 'wasm32-wasi', '-fno-entry', '-rdynamic', '--export=__stack_pointer',
      ...(linkLibc ? ['-lc', '-mexec-model=reactor'] : [])]
    : [
      'build-lib', '-dynamic', '-lc', '-fPIC',
      // A build for other machines names their target; none means this one's.
      ...(triple ? ['-target', triple] : []),
      // LLVM, though Zig's own x86_64 backend compiles a small Debug module
      // in a quarter of the CPU time (bench/cold-compile.js). Why not it,
      // in 0.15 to 0.17 on x86_64 Linux: its linker exports the exporter's write, printf...
      // (js/zig/console.zig, c_stdio.zig) unhidden, so the module's calls
      // reach libc's unless it is opened with RTLD_DEEPBIND; 0.15's keeps a
      // value in a register across the __tls_get_addr of a threadlocal
      // access in a shared library (the error trace a thunk keeps came out
      // 240 long); 0.16's and 0.17's lay out vectors of u3, i7... one
      // element per byte (@sizeOf(@Vector(4, u3)) is 16, not 2).
      '-fllvm',
    ];
  return [
    ...platform,
    '-O', optimize,
    // Zig keeps error return traces only in Debug unless asked; a native
    // ReleaseSafe build keeps them too, for the stacks of thrown errors
    // (js/zig/error_trace.zig). WebAssembly has no addresses to keep.
    ...(optimize === 'ReleaseSafe' && mode !== 'wasm' ? ['-ferror-tracing'] : []),
    // Without debug information and names: what a bundler ships to browsers.
    ...(strip ? ['-fstrip'] : []),
    '--name', 'module',
    '--cache-dir', join(root, 'zig-cache'),
    '--global-cache-dir', join(root, 'zig-global-cache'),
    // The user's arguments come before the first module, whose settings
    // (-fomit-frame-pointer, -mcpu...) the other modules inherit.
    ...zigArgs,
    // The exporter imports the user's file as `module`, as `zig_builtins`
    // the builtins whose very names differ between Zig versions, and
    // `zigar`, which the user's file may import too.
    '--dep', 'module',
    '--dep', 'zig_builtins',
    '--dep', 'zigar',
    // The build options the exporter reads (omitFunctions, useRedirection...).
    '--dep', 'zigport_options',
    `-Mroot=${EXPORTER}`,
    '--dep', 'zigar',
    ...(cModule ? ['--dep', 'c'] : []),
    `-Mmodule=${source}`,
    `-Mzig_builtins=${join(BUILTINS_DIR, builtinsFileFor(zigVersion))}`,
    `-Mzigar=${ZIGAR}`,
    `-Mzigport_options=${options}`,
    ...(cModule ? [`-Mc=${cModule}`] : []),
    `-femit-bin=${output}`,
  ];
}

/** The paths the exporter's modules come from, for a generated build script. */
export function exporterPaths(zigVersion) {
  return { exporter: EXPORTER, zigar: ZIGAR, builtins: join(BUILTINS_DIR, builtinsFileFor(zigVersion)) };
}

/** What zigport can add to Zig's diagnostics about why a module does not build. */
function hintFor(diagnostics, mode, root) {
  if (mode === 'wasm' && /Cannot spawn thread when building in single-threaded mode/.test(diagnostics)) {
    return 'this module starts threads, and zigport builds WebAssembly modules single-threaded '
      + '(no shared memory or workers): use it in native mode, or keep threads out of the WebAssembly build.\n';
  }
  if (/unable to (?:connect to server|download|fetch)|server connection failed|UnknownHostName|NoAddressReturned|NetworkUnreachable|ConnectionRefused/.test(diagnostics)) {
    const cache = join(root, 'zig-global-cache');
    return 'a build.zig.zon dependency is not in Zig\'s package cache and could not be downloaded: '
      + `fetch it once while online (\`ZIG_GLOBAL_CACHE_DIR=${cache} zig fetch <url>\`), or vendor it as a .path dependency.\n`;
  }
  return '';
}

/**
 * The command of a bare build (`zig build-lib`/`build-exe`): for a scratch
 * folder, `{ args, cwd, output }`. `settings` are buildArguments' less the output.
 */
export function bareBuild(settings) {
  return (scratch, target) => {
    const output = join(scratch, basename(target));
    return { args: buildArguments({ ...settings, output }), cwd: process.cwd(), output };
  };
}

/**
 * Compiles `source` with `zig` (`{ path, version }`) to the module at
 * `target`, running `command` (bareBuild, or zigBuild of zig-build.js);
 * rejects with ZigCompileError.
 */
export async function buildLibrary({ zig, source, target, optimize, root, mode, command, platform = null }) {
  mkdirSync(dirname(target), { recursive: true });
  const scratch = mkdtempSync(join(root, 'tmp-'));
  const shown = relative(process.cwd(), source) || source;
  const progress = startProgress(shown, mode === 'wasm' ? `${optimize}, WebAssembly` : [optimize, platform].filter(Boolean).join(', '));
  let built = false;
  try {
    const { args, cwd, env, output, shownPaths = [] } = command(scratch, target);
    const { code, stderr } = await runZig(zig.path, args, cwd, env);
    if (code !== 0) {
      // A full disk shows as pages of Zig's warnings; what to do about it is one line.
      if (zigRanOutOfSpace(stderr)) throw new CacheDirectoryError(root, 'ENOSPC');
      // Diagnostics name the user's files, not the copies zigport built from.
      const diagnostics = shownPaths.reduce((text, [copy, own]) => text.replaceAll(copy, own), stderr);
      throw new ZigCompileError(shown, diagnostics || `zig exited with status ${code}`, hintFor(stderr, mode, root));
    }
    renameSync(output, target);
    built = true;
  } finally {
    progress.stop(built);
    rmSync(scratch, { recursive: true, force: true });
  }
}

function startProgress(file, build) {
  const started = Date.now();
  let announced = false;
  const timer = setTimeout(() => {
    announced = true;
    process.stderr.write(`zigport: compiling ${file} (${build})...\n`);
  }, PROGRESS_AFTER_MS);
  return {
    stop(built) {
      clearTimeout(timer);
      if (announced) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stderr.write(`zigport: ${built ? 'compiled' : 'failed to compile'} ${file} in ${seconds} s\n`);
      }
    },
  };
}
