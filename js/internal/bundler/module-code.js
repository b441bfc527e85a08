// The JS module a bundle holds in place of a `.zig` import: it awaits the
// WebAssembly module through zigport's web entry (no addon, no `node:` APIs)
// and re-exports its values under the names the descriptor declares.
import { reExports } from '../loader/export-names.js';

/**
 * Module text: `webEntry` is what to import `loadWasmModule` from,
 * `wasm` a JS expression for the module's source (a URL, or bytes).
 */
export function moduleCode({ webEntry, wasm, names }) {
  const lines = [
    `import { loadWasmModule } from ${JSON.stringify(webEntry)};`,
    `const zig = await loadWasmModule(${wasm});`,
    ...reExports(names),
  ];
  return `${lines.join('\n')}\n`;
}

/** A JS expression for the bytes of `buffer`, embedded as base64. */
export function embeddedBytes(buffer) {
  return `Uint8Array.from(atob(${JSON.stringify(buffer.toString('base64'))}), (c) => c.charCodeAt(0))`;
}
