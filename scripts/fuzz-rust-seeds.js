// Refreshes the descriptor fuzzer's seed corpus (fuzz/corpus/descriptor/)
// from real compiled modules: for each fixture named below, the newest
// library of that name in a zigport cache (native .so and .wasm) is asked
// for its descriptor, which is written as one seed file per module.
// Usage: node scripts/fuzz-rust-seeds.js [cache-dir]
// (default .zigport-cache/tests: run the tests once first so it holds them).
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryDescriptor } from '../js/internal/loader/library-descriptor.js';

// Fixtures that between them hold every kind of type the descriptor has.
const FIXTURES = [
  'bare-unions', 'tagged-unions', 'comptime-fields', 'comptime-nesting', 'comptime-error-unions',
  'integer-widths', 'float-widths', 'optional-values', 'error-unions', 'error-sets', 'slices-of-slices',
  'pointer-fields', 'opaque-handles', 'packed-colour-registers', 'bit-packed-int-vectors',
  'vectors-and-sentinels', 'function-pointers', 'allocator-values', 'variadic-values',
  'js-functions-as-callbacks', 'meta-zigar-fields', 'nested-declarations', 'c-style-strings',
];

const cache = process.argv[2] ?? '.zigport-cache/tests';
const modules = join(cache, 'modules');
const out = 'fuzz/corpus/descriptor';
mkdirSync(out, { recursive: true });
const files = readdirSync(modules);

/** The newest file of `modules` compiled from fixture `name` with extension `ext`. */
function newest(name, ext) {
  const pattern = new RegExp(`^${name}(-native)?-[0-9a-f]{32}\\.${ext}$`);
  const found = files.filter((f) => pattern.test(f));
  found.sort((a, b) => statSync(join(modules, b)).mtimeMs - statSync(join(modules, a)).mtimeMs);
  return found[0];
}

let written = 0;
for (const name of FIXTURES) {
  for (const [ext, wasm] of [['so', false], ['wasm', true]]) {
    const file = newest(name, ext);
    if (!file) continue;
    // Compact JSON: the fuzzer mutates bytes, and fewer of them go further.
    const text = JSON.stringify(libraryDescriptor(join(modules, file), wasm));
    writeFileSync(join(out, `${name}-${ext}.json`), text);
    written++;
  }
}
console.log(`${written} descriptors written to ${out}`);
