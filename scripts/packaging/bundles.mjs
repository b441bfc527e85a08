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
  const runtimeChunk = (chunk) => !chunk.isEntry && chunk.name !== 'addon';
  const output = await bundleInPlace({
    input: Object.fromEntries([...OPENERS, ...SHARED].map((name) => [name, join(internal, `${name}.js`)])),
    // Not the runtime's chunk: it becomes a script, given its imports by the module that runs it.
    plugins: [ownImportMeta(internal), builtinsByRequire({ except: runtimeChunk })],
  }, {
    dir: internal,
    entryFileNames: '[name].js',
    // In runtime/, the folder of the addon's loader, whose paths are relative to its own file.
    chunkFileNames: (chunk) => `runtime/${chunk.name === 'addon' ? 'addon' : 'shared'}-bundle.js`,
    manualChunks: (id) => (id.startsWith(join(internal, 'runtime/')) && ADDON_GRAPH.has(basename(id)) ? 'addon' : undefined),
  }, "zigport's runtime");
  for (const chunk of output) {
    if (chunk.type === 'chunk' && runtimeChunk(chunk)) await asCachedScript(join(internal, chunk.fileName));
  }
}

/**
 * Replaces the loader's hooks (internal/loader/hooks.js) of the package in
 * `dir` by one bundle, run as a script with V8's code cache.
 */
export async function bundleHooks(dir) {
  const hooks = join(dir, 'internal', 'loader', 'hooks.js');
  await bundleInPlace({ input: hooks, plugins: [ownImportMeta(dirname(hooks))] }, { file: hooks }, "zigport's loader hooks");
  await asCachedScript(hooks, hooksExports);
}

/**
 * Bundles with rollup (Node's built-ins left external) into ES modules; the
 * output's chunks. A chunk keeps the imports of the chunks it imports
 * (rollup's default, so that a whole graph's files are requested at once
 * rather than one level at a time), but not a built-in it imports for
 * nothing: under the loader each import is a round trip to its thread.
 */
async function bundleInPlace(input, output, what) {
  const bundle = await rollup({
    external: (id) => id.startsWith('node:'),
    treeshake: { moduleSideEffects: (id, external) => !(external && id.startsWith('node:')) },
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
 * A rollup plugin: a chunk takes Node's built-ins from `require` (made by
 * `createRequire`, from the one built-in it still imports) rather than by
 * `import`, which under the loader is a round trip to the loader's thread
 * for each. A built-in's CommonJS exports are the same object as its ES
 * module's default export. (`process.getBuiltinModule` would save the last
 * import, but Node has it from 20.16 only, and an `await import()` fallback
 * would make the chunk asynchronous, which `require()` of an ES module
 * refuses.) Chunks for which `except(chunk)` holds are left as they are.
 */
function builtinsByRequire({ except = () => false } = {}) {
  return {
    name: 'builtins-by-require',
    renderChunk(code, chunk) {
      if (except(chunk)) return null;
      let taken = 0;
      // Built-ins imported for their side effects (rollup keeps a chunk's
      // dependencies' imports, so that they load sooner) have none.
      const rewritten = code.replace(/^import (?:(.+?) from )?'(node:[^']+)';\n/gm, (statement, clause, specifier) => {
        if (clause === undefined) return '';
        if (specifier === 'node:module') return statement;
        taken += 1;
        return `${bindingsOf(clause, `zigportBuiltin(${JSON.stringify(specifier)})`, statement)}\n`;
      });
      if (taken === 0) return rewritten === code ? null : { code: rewritten, map: null };
      const prelude = "import { createRequire as zigportRequireFrom } from 'node:module';\n" +
        'const zigportBuiltin = zigportRequireFrom(import.meta.url);\n';
      return { code: prelude + rewritten, map: null };
    },
  };
}

/** The declarations binding an import `clause` (`a`, `{ b, c as d }`, `* as e`, or a default and one of the others) to `value`. */
function bindingsOf(clause, value, statement) {
  const parts = clause.match(/^(?:([\w$]+)(?:, )?)?(?:\{ (.+) \}|\* as ([\w$]+))?$/);
  if (!parts) throw new Error(`bundling: cannot take ${statement.trim()} from require`);
  const [, defaultName, named, namespace] = parts;
  const lines = [];
  if (defaultName) lines.push(`const ${defaultName} = ${value};`);
  if (named) lines.push(`const { ${named.split(', ').map((n) => n.replace(' as ', ': ')).join(', ')} } = ${value};`);
  if (namespace) lines.push(`const ${namespace} = { ...${value}, default: ${value} };`);
  return lines.join('\n');
}

/**
 * Turns the ES module `file` into a script beside it (`<name>.script.js`)
 * and, in its place, a module that runs the script through
 * runtime/code-cache.js and exports what `exportsOf(names)` declares of
 * the script's exports `names`.
 */
async function asCachedScript(file, exportsOf = runtimeExports) {
  const { code, imports, exports } = await asScript(file);
  const scriptName = `${basename(file, '.js')}.script.js`;
  checkAscii(code, scriptName);
  writeFileSync(join(dirname(file), scriptName), code);
  const digest = createHash('sha256').update(code).digest('hex');
  const runner = relativeImport(file, join(dirname(file), '..', CODE_CACHE));
  writeFileSync(file, [
    `// Runs ${scriptName} with V8's code cache. Written when the package was packed.`,
    ...imports.map((specifier, i) => `import * as import${i} from ${JSON.stringify(specifier)};`),
    `import { runCachedScript } from ${JSON.stringify(runner)};`,
    `const { exports: bundle, saveCache } = runCachedScript(new URL(${JSON.stringify(`./${scriptName}`)}, import.meta.url), ${JSON.stringify(digest)}, {`,
    ...imports.map((specifier, i) => `  ${JSON.stringify(specifier)}: import${i},`),
    '});',
    ...exportsOf(exports),
    '',
  ].join('\n'));
  // With the code cache's runner inside it, so that the module's imports are all one level deep.
  await bundleInPlace({
    input: file,
    external: (id) => id.startsWith('node:') || imports.includes(id),
    plugins: [builtinsByRequire()],
  }, { file }, file);
}

/**
 * Fails on a script that is not ASCII: one character beyond it makes the
 * whole source a two-byte string, which took Node twice as long to read.
 */
function checkAscii(code, name) {
  const at = code.search(/[^\x00-\x7f]/);
  if (at === -1) return;
  const line = code.slice(0, at).split('\n').length;
  throw new Error(`bundling: ${name} has a non-ASCII character at line ${line} (${JSON.stringify(code.slice(at - 20, at + 5))}); ` +
    "keep zigport's JS sources ASCII (in strings, write \\u escapes)");
}

/** The shared runtime's exports; its cache is saved once the import that loaded it has run. */
function runtimeExports(names) {
  return [
    'setImmediate(saveCache);',
    ...names.map((name) => `export const ${name} = bundle.${name};`),
  ];
}

/**
 * The hooks' exports; their cache is saved after the first `.zig` module's
 * load, so that it holds what loading one compiled, not only what
 * registering the hooks ran.
 */
function hooksExports(names) {
  if (!names.includes('load')) throw new Error('the bundled hooks export no load hook');
  return [
    ...names.filter((name) => name !== 'load').map((name) => `export const ${name} = bundle.${name};`),
    'export async function load(url, context, nextLoad) {',
    '  const loaded = await bundle.load(url, context, nextLoad);',
    // A string test, not a URL parse: this runs for every module the process loads.
    "  if (/\\.zig(?:[?#]|$)/.test(url)) setImmediate(saveCache);",
    '  return loaded;',
    '}',
  ];
}

/**
 * The ES module `file` as a script, `(function (exports, require,
 * scriptUrl) {...})` where `scriptUrl` stands for `import.meta.url` (the
 * script lies beside the module it was), with the specifiers it imports
 * and the names it exports.
 */
async function asScript(file) {
  const bundle = await rollup({
    input: file,
    external: (id, importer) => importer !== undefined,
    plugins: [{
      name: 'script-url',
      resolveImportMeta(property) {
        if (property === 'url') return 'scriptUrl';
        throw new Error(`making ${file} a script: import.meta.${property} has no stand-in there`);
      },
    }],
    onwarn: (warning) => { throw new Error(`making ${file} a script: ${warning.message}`); },
  });
  const { output: [chunk] } = await bundle.generate({ format: 'cjs', exports: 'named', esModule: false, interop: 'esModule' });
  await bundle.close();
  // The module's exports are copied once, after the script ran: none may be reassigned later.
  for (const name of chunk.exports) {
    if (chunk.code.split(`exports.${name} = `).length !== 2) throw new Error(`${file} exports ${name}, which its script reassigns`);
  }
  return { code: `(function (exports, require, scriptUrl) {${chunk.code}\n})\n`, imports: chunk.imports, exports: chunk.exports };
}

/** `to` as an import specifier in the module at `from`. */
function relativeImport(from, to) {
  const path = relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}
