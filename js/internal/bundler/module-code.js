// The JS module a bundle holds in place of a `.zig` import: it awaits the
// WebAssembly module through zigport's web entry (no addon, no `node:` APIs)
// and re-exports its values under the names the descriptor declares.

/**
 * The named exports of a module with `descriptor`: its own declarations
 * (those of its types are on their classes; functions the exporter adds
 * for the runtime are none), plus `__zigar`. Mirrors the loader's list
 * (loader/hooks.js), so an import means the same in Node and in a bundle.
 */
export function exportNames(descriptor) {
  const named = [
    ...descriptor.functions.filter((f) => !f.role && !f.hidden),
    ...descriptor.constants,
    ...(descriptor.type_decls ?? []),
    ...descriptor.variables.filter((v) => !v.mutable),
  ].filter((d) => d.owner == null).map((d) => d.name).filter((name) => name !== 'default' && name !== '__zigar');
  return [...named, '__zigar'];
}

/**
 * Module text: `webEntry` is what to import `loadWasmModule` from,
 * `wasm` a JS expression for the module's source (a URL, or bytes).
 */
export function moduleCode({ webEntry, wasm, names }) {
  const lines = [
    `import { loadWasmModule } from ${JSON.stringify(webEntry)};`,
    `const zig = await loadWasmModule(${wasm});`,
    'export default zig.namespace;',
  ];
  names.forEach((name, i) => {
    lines.push(`const e${i} = zig.exports[${JSON.stringify(name)}];`);
    lines.push(`export { e${i} as ${JSON.stringify(name)} };`);
  });
  return `${lines.join('\n')}\n`;
}

/** A JS expression for the bytes of `buffer`, embedded as base64. */
export function embeddedBytes(buffer) {
  return `Uint8Array.from(atob(${JSON.stringify(buffer.toString('base64'))}), (c) => c.charCodeAt(0))`;
}
