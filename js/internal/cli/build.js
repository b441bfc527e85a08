// `zigport build`: compiles modules ahead of time for the platforms a
// package will run on, so that its users need neither Zig nor a compile.
// Each module gets an entry (`lib/sum.js`) beside a folder of libraries
// (`lib/sum.zigport/linux-x64-gnu.so`, `.../wasm32.wasm`) and a TypeScript
// declaration file (`lib/sum.d.ts`).
import { copyFileSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { compileModule } from '../compiler/index.js';
import { parseOptions } from '../compiler/options.js';
import { PLATFORMS } from '../compiler/platforms.js';
import { moduleDeclarations } from '../declarations/index.js';
import { exportNames } from '../loader/export-names.js';
import { libraryDescriptor } from '../loader/library-descriptor.js';
import { prebuiltEntry } from '../loader/prebuilt-entry.js';
import { currentPlatform } from '../runtime/platform.js';
import { buildPlan } from './build-plan.js';

export const summary = 'compile modules ahead of time for the platforms a package runs on';

export const usage = `Usage: zigport build [file.zig ...] [options]

Compiles each module for each target and writes, per module, an entry
(<out>/<name>.js) that loads the library for the platform it runs on, the
libraries (<out>/<name>.zigport/<target>.<so|dylib|dll|wasm>) and TypeScript
declarations (<out>/<name>.d.ts). Users of the entry need neither Zig nor a
cache. Without files, the "modules" of zigport.config.json (or Zigar's
node-zigar.config.json) are built: { "lib/sum.js": "zig/sum.zig" }.

Options:
  --out <dir>          where entries go (default: lib)
  --targets <list>     comma-separated platforms (default: "targets" of the
                       config file, else this machine's): linux-x64,
                       linux-x64-musl, linux-arm64, linux-arm64-musl,
                       darwin-x64, darwin-arm64, win32-x64, wasm32
  --optimize <mode>    Debug, ReleaseSafe, ReleaseSmall or ReleaseFast
                       (default: the config file's, else ReleaseSafe)
  --zig-version <v>    the Zig to build with (0.15.2, 0.16.0, 0.17.1)

Native libraries for platforms other than this machine's are built for
their architecture's baseline CPU. An entry falls back to the wasm32
library where no native one fits (or where ZIGPORT_TARGET=wasm).
`;

/** Runs `zigport build` with `args`; resolves to the exit code. */
export async function run(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      targets: { type: 'string' },
      optimize: { type: 'string' },
      'zig-version': { type: 'string' },
    },
  });
  const plan = buildPlan({ sources: positionals, out: values.out, targets: values.targets }, process.cwd());
  for (const module of plan.modules) {
    const started = performance.now();
    const built = await buildModule(module, plan.targets, values);
    report(module, built, performance.now() - started);
  }
  return 0;
}

/** Builds one module for every target; its libraries' paths and sizes. */
async function buildModule({ source, entry }, targets, values) {
  const name = basename(source);
  const folder = `${basename(entry, '.js')}.zigport`;
  const dir = join(dirname(entry), folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The command line's settings weigh as an import's query does: over the config file.
  const given = Object.entries({ optimize: values.optimize, zigVersion: values['zig-version'] }).filter(([, v]) => v !== undefined);
  const options = parseOptions(new URLSearchParams(given), process.env, source, { optimize: 'ReleaseSafe' });
  const files = {};
  const libraries = {};
  for (const target of targets) {
    const library = await compileModule(source, targetOptions(options, target));
    const file = `${target}${PLATFORMS[target].extension}`;
    place(library, join(dir, file));
    files[target] = `./${folder}/${file}`;
    libraries[target] = library;
  }
  const descriptor = await describe(source, options, libraries);
  const about = `${name} built by \`zigport build\` (${options.optimize}) for ${targets.join(', ')}.`;
  writeAtomically(entry, prebuiltEntry({ name, files, names: exportNames(descriptor.json), about }));
  writeAtomically(join(dirname(entry), `${basename(entry, '.js')}.d.ts`), moduleDeclarations(descriptor.json, { wasm: descriptor.wasm }));
  return Object.fromEntries(targets.map((t) => [t, { path: join(dir, `${t}${PLATFORMS[t].extension}`) }]));
}

/** The options that build for platform `target`. */
function targetOptions(options, target) {
  return target === 'wasm32' ? { ...options, target: 'wasm' } : { ...options, target: 'native', platform: target };
}

/**
 * The module's descriptor, for its export names and declarations: read from
 * the wasm32 library or this machine's, whichever was built, or from a
 * wasm32 build made for the purpose (a foreign library cannot be opened here).
 */
async function describe(source, options, libraries) {
  const wasm = libraries.wasm32 ?? null;
  const native = libraries[currentPlatform()];
  if (!wasm && native) return { json: libraryDescriptor(native, false), wasm: false };
  const path = wasm ?? await compileModule(source, targetOptions(options, 'wasm32'));
  return { json: libraryDescriptor(path, true), wasm: true };
}

/** Copies a library from the cache to `path`, aside and renamed so no reader sees half of it. */
function place(library, path) {
  copyFileSync(library, `${path}.tmp`);
  renameSync(`${path}.tmp`, path);
}

function writeAtomically(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function report({ source, entry }, built, ms) {
  const shown = (path) => relative(process.cwd(), path) || path;
  process.stdout.write(`${shown(source)} \u2192 ${shown(entry)} (${(ms / 1000).toFixed(1)} s)\n`);
  for (const [target, { path }] of Object.entries(built)) {
    process.stdout.write(`  ${target.padEnd(17)}${shown(path)}  ${formatSize(statSync(path).size)}\n`);
  }
}

function formatSize(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
