// Writes a module's declarations beside its source as `f.d.zig.ts`, the
// file TypeScript (with `allowArbitraryExtensions`) reads for
// `import ... from './f.zig'`. Shared by `zigport types` and the loader.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { moduleDeclarations } from './index.js';

/** Where the declarations of Zig source `source` go. */
export function declarationPath(source) {
  return source.replace(/\.zig$/, '.d.zig.ts');
}

/**
 * Writes the declarations of `source` from its `descriptor` when they
 * differ from what the file holds; returns `{ path, written }`.
 */
export function writeDeclarations(source, descriptor, { wasm = false } = {}) {
  const path = declarationPath(source);
  const text = moduleDeclarations(descriptor, { wasm });
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return { path, written: false };
  writeFileSync(path, text);
  return { path, written: true };
}
