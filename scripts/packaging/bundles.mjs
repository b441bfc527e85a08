// The bundles the packed zigport loads instead of its hundred-odd source
// files (scripts/packaging.mjs writes the package, then calls these). Under
// the loader every import is a round trip to the loader's thread, and each
// level of the import graph waits for the one above, so a warm import's
// cost was mostly files; the loader's own thread loads its hooks' seventy
// modules before the first import of any process that registers it.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { rollup } from 'rollup';

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
 * Replaces the openers of the package in `dir` and the modules they share
 * with the rest of zigport by bundles; the same paths keep working for
 * every importer, and the rest of internal/ stays for the loader's own
 * thread. The runtime the openers share becomes a script run with V8's
 * code cache.
 */
export async function bundleOpeners(dir) {
  const internal = join(dir, 'internal');
  const output = await bundleInPlace({
    input: Object.fromEntries([...OPENERS, ...SHARED].map((name) => [name, join(internal, `${name}.js`)])),
    plugins: [ownImportMeta(internal)],
  }, {
    dir: internal,
    entryFileNames: '[name].js',
    // In runtime/, the folder of the addon's loader, whose paths are relative to its own file.
    chunkFileNames: (chunk) => `runtime/${chunk.name === 'addon' ? 'addon' : 'shared'}-bundle.js`,
    manualChunks: (id) => (id.startsWith(join(internal, 'runtime/')) && ADDON_GRAPH.has(basename(id)) ? 'addon' : undefined),
  }, "zigport's runtime");
  for (const chunk of output) {
    if (chunk.type === 'chunk' && !chunk.isEntry && chunk.name !== 'addon') await asCachedScript(join(internal, chunk.fileName));
  }
}

/** Replaces the loader's hooks (internal/loader/hooks.js) of the package in `dir` by one bundle. */
export async function bundleHooks(dir) {
  const hooks = join(dir, 'internal', 'loader', 'hooks.js');
  await bundleInPlace({ input: hooks, plugins: [ownImportMeta(dirname(hooks))] }, { file: hooks }, "zigport's loader hooks");
}

/** Bundles with rollup (Node's built-ins left external) into ES modules; the output's chunks. */
async function bundleInPlace(input, output, what) {
  const bundle = await rollup({
    external: (id) => id.startsWith('node:'),
    onwarn: (warning) => { throw new Error(`bundling ${what}: ${warning.message}`); },
    ...input,
  });
  const written = await bundle.write({ format: 'es', ...output });
  await bundle.close();
  return written.output;
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
 * Turns the ES module `file` into a script beside it (`<name>.script.js`)
 * and, in its place, a module that runs the script through
 * runtime/code-cache.js and exports what it exported.
 */
async function asCachedScript(file) {
  const { code, imports, exports } = await asScript(file);
  const scriptName = `${basename(file, '.js')}.script.js`;
  writeFileSync(join(dirname(file), scriptName), code);
  const digest = createHash('sha256').update(code).digest('hex');
  const runner = relativeImport(file, join(dirname(file), '..', CODE_CACHE));
  writeFileSync(file, [
    `// The runtime zigport's openers share, run from ${scriptName} with V8's code cache. Written when the package was packed.`,
    ...imports.map((specifier, i) => `import * as import${i} from ${JSON.stringify(specifier)};`),
    `import { runCachedScript } from ${JSON.stringify(runner)};`,
    `const bundle = runCachedScript(new URL(${JSON.stringify(`./${scriptName}`)}, import.meta.url), ${JSON.stringify(digest)}, {`,
    ...imports.map((specifier, i) => `  ${JSON.stringify(specifier)}: import${i},`),
    '});',
    ...exports.map((name) => `export const ${name} = bundle.${name};`),
    '',
  ].join('\n'));
  // With the code cache's runner inside it, so that the module's imports are all one level deep.
  await bundleInPlace({ input: file, external: (id) => id.startsWith('node:') || imports.includes(id) }, { file }, file);
}

/**
 * The ES module `file` as a script, `(function (exports, require) {...})`,
 * with the specifiers it imports and the names it exports.
 */
async function asScript(file) {
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
  return { code: `(function (exports, require) {${chunk.code}\n})\n`, imports: chunk.imports, exports: chunk.exports };
}

/** `to` as an import specifier in the module at `from`. */
function relativeImport(from, to) {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}
