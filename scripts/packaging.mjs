// Writes the folders that scripts/package-addon.sh and scripts/pack.sh hand
// to `npm pack`: one per platform addon package, and the zigport package.
//
//   node scripts/packaging.mjs platforms                      name, Rust target, Zig target per line
//   node scripts/packaging.mjs addon-package NAME FILE DIR    DIR becomes @zigport/addon-NAME with FILE
//   node scripts/packaging.mjs zigport-package DIR            DIR becomes the zigport package
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative } from 'node:path';
import { rollup } from 'rollup';
import { fileURLToPath } from 'node:url';
import { ADDON_PLATFORMS, addonPackageName, addonPlatform } from '../js/internal/runtime/addon-platforms.js';
import { DIGEST_FILE, hashExporter } from '../js/internal/compiler/exporter-digest.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const zigport = JSON.parse(readFileSync(join(ROOT, 'js/package.json'), 'utf8'));

const RUST_ARCH = { x64: 'x86_64', arm64: 'aarch64' };
const RUST_ENV = { glibc: 'gnu', musl: 'musl' };

/** The Rust and Zig target triples that build `platform`'s addon. */
function targets(platform) {
  const arch = RUST_ARCH[platform.cpu];
  const env = RUST_ENV[platform.libc];
  return { rust: `${arch}-unknown-${platform.os}-${env}`, zig: `${arch}-${platform.os}-${env}` };
}

function printPlatforms() {
  for (const platform of ADDON_PLATFORMS) {
    const { rust, zig } = targets(platform);
    console.log(`${platform.name} ${rust} ${zig}`);
  }
}

/** Writes the package of `name`'s addon into `dir`, with `file` as its zigport.node. */
function writeAddonPackage(name, file, dir) {
  const platform = addonPlatform(name);
  if (!platform) throw new Error(`no addon platform "${name}"; known: ${ADDON_PLATFORMS.map((p) => p.name).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, join(dir, 'zigport.node'));
  const manifest = {
    name: addonPackageName(platform),
    version: zigport.version,
    description: `zigport's native addon, prebuilt for ${name}`,
    license: zigport.license,
    main: 'zigport.node',
    files: ['zigport.node'],
    // npm skips the packages whose os, cpu or libc do not fit the machine.
    os: [platform.os],
    cpu: [platform.cpu],
    ...(platform.libc && { libc: [platform.libc] }),
    engines: zigport.engines,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), `# ${manifest.name}\n\nzigport's N-API addon for ${name}. zigport installs it as an optional dependency and loads it in native mode; there is no need to depend on it directly.\n`);
}

/**
 * Writes the zigport package into `dir`: what js/package.json's `files`
 * names, the README, and a package.json listing every addon package as an
 * optional dependency. They are written in here, at pack time, rather than
 * in js/package.json, so that the workspace's own installs (and `npm ci`
 * against its lock file) do not depend on packages the registry may not
 * have yet.
 */
async function writeZigportPackage(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of zigport.files) cpSync(join(ROOT, 'js', entry), join(dir, entry), { recursive: true });
  await bundleOpeners(dir);
  await bundleHooks(dir);
  writeFileSync(join(dir, 'zig', DIGEST_FILE), `${hashExporter(join(dir, 'zig'))}\n`);
  copyFileSync(join(ROOT, 'README.md'), join(dir, 'README.md'));
  const optionalDependencies = Object.fromEntries(ADDON_PLATFORMS.map((platform) => [addonPackageName(platform), zigport.version]));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ ...zigport, optionalDependencies }, null, 2)}\n`);
}

/** What opens a module on the JS thread: a prebuilt entry, the loader's generated code, cjs/. */
const OPENERS = ['load-native', 'load-wasm', 'load-prebuilt'].map((name) => `loader/${name}`);
/**
 * Modules whose one instance the openers share with what imports them
 * directly (zigport's index.js, the loader): the addon, loaded once per
 * process, and the error classes users test with instanceof. They stay at
 * their paths, each bundled with what it imports.
 */
const SHARED = ['runtime/addon', 'errors'];
/** The addon's loader and what it imports, one chunk beside it. */
const ADDON_GRAPH = new Set(['addon.js', 'addon-platforms.js', 'platform.js', 'libc.js']);
/** What runs the runtime's bundle with V8's code cache (bundled into the module that runs it). */
const CODE_CACHE = 'runtime/code-cache.js';

/**
 * Replaces the package's openers (internal/loader/load-*.js) and the
 * modules they share with the rest of zigport by bundles, so that a
 * process that opens a module reads a few files instead of about a
 * hundred, most of a warm import's cost: under the loader each import is
 * a round trip to its thread, and each level of the import graph waits
 * for the one above. The same paths keep working for every importer, and
 * the rest of internal/ stays for the loader's own thread. The runtime
 * the openers share becomes a script run with V8's code cache.
 */
async function bundleOpeners(dir) {
  const internal = join(dir, 'internal');
  const bundle = await rollup({
    input: Object.fromEntries([...OPENERS, ...SHARED].map((name) => [name, join(internal, `${name}.js`)])),
    external: (id) => id.startsWith('node:'),
    plugins: [ownImportMeta(internal)],
    onwarn: (warning) => { throw new Error(`bundling zigport's runtime: ${warning.message}`); },
  });
  const { output } = await bundle.write({
    dir: internal,
    format: 'es',
    entryFileNames: '[name].js',
    // In runtime/, the folder of the addon's loader, whose paths are relative to its own file.
    chunkFileNames: (chunk) => `runtime/${chunk.name === 'addon' ? 'addon' : 'shared'}-bundle.js`,
    manualChunks: (id) => (id.startsWith(join(internal, 'runtime/')) && ADDON_GRAPH.has(basename(id)) ? 'addon' : undefined),
  });
  await bundle.close();
  for (const chunk of output) {
    if (chunk.type === 'chunk' && !chunk.isEntry && chunk.name !== 'addon') await asCachedScript(join(internal, chunk.fileName));
  }
}

/**
 * Replaces the loader's hooks (internal/loader/hooks.js) by one bundle of
 * the seventy-odd modules they import: the loader's thread loads them
 * before the first import of every process that registers it, .zig or
 * not, and one file loads in a third of the time.
 */
async function bundleHooks(dir) {
  const internal = join(dir, 'internal');
  const hooks = join(internal, 'loader', 'hooks.js');
  const bundle = await rollup({
    input: hooks,
    external: (id) => id.startsWith('node:'),
    plugins: [ownImportMeta(dirname(hooks))],
    onwarn: (warning) => { throw new Error(`bundling zigport's loader hooks: ${warning.message}`); },
  });
  await bundle.write({ file: hooks, format: 'es' });
  await bundle.close();
}

/**
 * A rollup plugin: `import.meta.url` in a bundled module keeps naming the
 * module's own file (still in the package), not the bundle's, so that the
 * paths it finds beside itself stay where they were.
 */
function ownImportMeta(outputDir) {
  return {
    name: 'own-import-meta',
    resolveImportMeta(property, { chunkId, moduleId }) {
      if (property !== 'url') return null;
      const path = relative(dirname(join(outputDir, chunkId)), moduleId);
      return `new URL(${JSON.stringify(path)}, import.meta.url).href`;
    },
  };
}

/**
 * Turns the ES module `file` into a script (`<name>.script.js`, a function
 * of `exports` and `require`) and, in its place, a module that runs it
 * through runtime/code-cache.js and exports what it exported.
 */
async function asCachedScript(file) {
  const bundle = await rollup({
    input: file,
    external: (id, importer) => importer !== undefined,
    onwarn: (warning) => { throw new Error(`making ${file} a script: ${warning.message}`); },
  });
  const { output: [chunk] } = await bundle.generate({ format: 'cjs', exports: 'named', esModule: false, interop: 'esModule' });
  await bundle.close();
  // The module's exports are copied once, after the script ran: none may be reassigned later.
  for (const name of chunk.exports) {
    if (chunk.code.split(`exports.${name} = `).length !== 2) throw new Error(`${file} exports ${name}, which its script reassigns`);
  }
  const script = `(function (exports, require) {${chunk.code}\n})\n`;
  const scriptName = `${basename(file, '.js')}.script.js`;
  writeFileSync(join(file, '..', scriptName), script);
  const digest = createHash('sha256').update(script).digest('hex');
  const specifiers = chunk.imports;
  writeFileSync(file, [
    `// The runtime zigport's openers share, run from ${scriptName} with V8's code cache. Written when the package was packed.`,
    ...specifiers.map((specifier, i) => `import * as import${i} from ${JSON.stringify(specifier)};`),
    `import { runCachedScript } from ${JSON.stringify(relativeImport(file, join(file, '..', '..', CODE_CACHE)))};`,
    `const bundle = runCachedScript(new URL(${JSON.stringify(`./${scriptName}`)}, import.meta.url), ${JSON.stringify(digest)}, {`,
    ...specifiers.map((specifier, i) => `  ${JSON.stringify(specifier)}: import${i},`),
    '});',
    ...chunk.exports.map((name) => `export const ${name} = bundle.${name};`),
    '',
  ].join('\n'));
  // With the code cache's runner inside it, so that the module's imports are all one level deep.
  const wrapper = await rollup({
    input: file,
    external: (id) => id.startsWith('node:') || specifiers.includes(id),
    onwarn: (warning) => { throw new Error(`bundling ${file}: ${warning.message}`); },
  });
  await wrapper.write({ file, format: 'es' });
  await wrapper.close();
}

/** `to` as an import specifier in the module at `from`. */
function relativeImport(from, to) {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'platforms' && args.length === 0) printPlatforms();
else if (command === 'addon-package' && args.length === 3) writeAddonPackage(...args);
else if (command === 'zigport-package' && args.length === 1) await writeZigportPackage(args[0]);
else {
  console.error('usage: node scripts/packaging.mjs platforms | addon-package NAME FILE DIR | zigport-package DIR');
  process.exit(2);
}
