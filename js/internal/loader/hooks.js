// Node module hooks (registered by register.js) that make `.zig` files
// importable. `load` compiles the file (or finds it in the cache), reads the
// names it exports from its descriptor, and returns a small ES module that
// loads the library on the importing thread and re-exports its values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseOptions } from '../compiler/options.js';
import { compileModule } from '../compiler/index.js';
import { readConfigFile } from '../compiler/config-file.js';
import { writeDeclarations } from '../declarations/write.js';
import { exportNames, reExports } from './export-names.js';
import { libraryDescriptor } from './library-descriptor.js';

/** What the generated module calls to open a library of each kind. */
const OPENERS = {
  native: { from: new URL('./load-native.js', import.meta.url).href, name: 'loadNativeModule' },
  wasm: { from: new URL('./load-wasm.js', import.meta.url).href, name: 'loadWasmFile' },
};

/**
 * zigport's own modules (this package's js/ folder, all ES modules) import
 * one another by relative paths to files that exist. Every import a thread
 * makes crosses to this hooks thread and back, once to resolve and once to
 * load; the generated module's runtime is some sixty files, so Node's own
 * resolution (stat calls, package scope lookups) and asynchronous reads for
 * each were most of a warm import: here they are a URL join and one read.
 */
const OWN = new URL('../../', import.meta.url).href;

function isOwn(url) {
  return url.startsWith(OWN) && url.endsWith('.js') && !url.includes('/node_modules/', OWN.length);
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('.') && context.parentURL !== undefined && isOwn(context.parentURL)) {
    const url = new URL(specifier, context.parentURL).href;
    if (isOwn(url)) return { url, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (isOwn(url) && context.format === 'module') {
    return { format: 'module', source: readFileSync(fileURLToPath(url)), shortCircuit: true };
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'file:' || !parsed.pathname.endsWith('.zig')) return nextLoad(url, context);
  const options = parseOptions(parsed.searchParams, process.env, fileURLToPath(parsed));
  const library = await compileModule(fileURLToPath(parsed), options);
  const wasm = options.target === 'wasm';
  const descriptor = libraryDescriptor(library, wasm);
  if (wantsTypes(fileURLToPath(parsed))) writeDeclarations(fileURLToPath(parsed), descriptor, { wasm });
  return { format: 'module', source: moduleSource(library, descriptor, wasm), shortCircuit: true };
}

/** ES module text for a compiled library with the given descriptor. */
export function moduleSource(library, descriptor, wasm) {
  const opener = OPENERS[wasm ? 'wasm' : 'native'];
  return [
    `import { ${opener.name} } from ${JSON.stringify(opener.from)};`,
    `const zig = ${opener.name}(${JSON.stringify(library)});`,
    ...reExports(exportNames(descriptor)),
  ].join('\n');
}

/**
 * Whether importing `source` also writes its TypeScript declarations
 * (`ZIGPORT_TYPES=1`, or `"types": true` in its config file). Not a build
 * option: it changes no library, so no build key.
 */
function wantsTypes(source) {
  if (process.env.ZIGPORT_TYPES) return process.env.ZIGPORT_TYPES === '1';
  return readConfigFile(source).options.types === true;
}
