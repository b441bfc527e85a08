// Node module hooks (registered by register.js) that make `.zig` files
// importable. `load` compiles the file (or finds it in the cache), reads the
// names it exports from its descriptor, and returns a small ES module that
// loads the library on the importing thread and re-exports its values.
import { fileURLToPath } from 'node:url';
import { parseOptions } from '../compiler/options.js';
import { compileModule } from '../compiler/index.js';
import { addon } from '../runtime/addon.js';
import { WasmInstance } from '../wasm/instance.js';

const MODULE_JS = new URL('../runtime/module.js', import.meta.url).href;

export async function load(url, context, nextLoad) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'file:' || !parsed.pathname.endsWith('.zig')) return nextLoad(url, context);
  const options = parseOptions(parsed.searchParams, process.env, fileURLToPath(parsed));
  const library = await compileModule(fileURLToPath(parsed), options);
  const text = options.target === 'wasm' ? new WasmInstance(library).descriptorJson : addon.describe(library);
  const descriptor = JSON.parse(text);
  return { format: 'module', source: moduleSource(library, descriptor), shortCircuit: true };
}

/** ES module text for a compiled library with the given descriptor. */
export function moduleSource(library, descriptor) {
  // The module's own declarations: those of its types are on their classes,
  // and the functions the exporter adds for the runtime are no declarations.
  const named = [
    ...descriptor.functions.filter((f) => !f.role && !f.hidden),
    ...descriptor.constants,
    ...(descriptor.type_decls ?? []),
    ...descriptor.variables.filter((v) => !v.mutable),
  ].filter((d) => d.owner == null).map((d) => d.name).filter((name) => name !== 'default' && name !== '__zigar');
  named.push('__zigar');
  const lines = [
    `import { loadModule } from ${JSON.stringify(MODULE_JS)};`,
    `const zig = loadModule(${JSON.stringify(library)});`,
    'export default zig.namespace;',
  ];
  named.forEach((name, i) => {
    lines.push(`const e${i} = zig.exports[${JSON.stringify(name)}];`);
    lines.push(`export { e${i} as ${JSON.stringify(name)} };`);
  });
  return lines.join('\n');
}
